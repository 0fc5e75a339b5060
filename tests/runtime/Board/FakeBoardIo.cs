using System;
using System.Collections.Generic;
using System.Linq;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>
/// The hardware of a board in memory, by pin name, as <see cref="IBoardIo"/> sees it. None of the fakes
/// allocates when the loop calls it, so the allocation test measures the runtime alone.
/// </summary>
internal sealed class FakeBoardIo : IBoardIo
{
    /// <summary>The Meadow F7 Feather V2's pin names (a name outside this set throws, as on the board).</summary>
    public static readonly string[] FeatherPins =
    {
        "A00", "A01", "A02", "A03", "A04", "A05",
        "D00", "D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08", "D09", "D10", "D11", "D12", "D13", "D14", "D15",
    };

    private readonly HashSet<string> _known = new(FeatherPins);

    public Dictionary<string, FakeTerminalPin> Terminals { get; } = new();

    public Dictionary<string, FakeLedPin> Leds { get; } = new();

    public Dictionary<string, FakeInputPin> Inputs { get; } = new();

    public FakeAnalogScan? Scan { get; private set; }

    public FakeSerialPort? Serial { get; private set; }

    public FakeWatchdog WatchdogFake { get; } = new();

    public IWatchdog Watchdog => WatchdogFake;

    public IDigitalOutput CreateTerminal(string pin) => Terminals[Known(pin)] = new FakeTerminalPin();

    public ILed CreateLed(string pin) => Leds[Known(pin)] = new FakeLedPin();

    public IDigitalInput CreateDigitalInput(string pin) => Inputs[Known(pin)] = new FakeInputPin();

    public IAnalogScanHardware CreateAnalogScan(IReadOnlyList<string> pins)
    {
        foreach (var pin in pins) Known(pin);
        return Scan = new FakeAnalogScan(pins);
    }

    public ISerialPortLink OpenSerial(SerialSettings settings) => Serial = new FakeSerialPort(settings);

    private string Known(string pin) => _known.Contains(pin) ? pin : throw new ArgumentException($"No pin {pin} on this board.", nameof(pin));
}

internal sealed class FakeTerminalPin : IDigitalOutput
{
    public OutputLevel Level { get; private set; }

    public int Sets { get; private set; }

    public bool WasEverHigh { get; private set; }

    public Exception? Throws { get; set; }

    /// <summary>Bytes to allocate on every write (0: none), to imitate an allocating platform call.</summary>
    public int AllocateOnSet { get; set; }

    public byte[]? Garbage { get; private set; }

    public void Set(OutputLevel level)
    {
        if (Throws is not null) throw Throws;
        if (AllocateOnSet > 0) Garbage = new byte[AllocateOnSet];
        Level = level;
        Sets++;
        WasEverHigh |= level == OutputLevel.High;
    }
}

internal sealed class FakeLedPin : ILed
{
    public bool Lit { get; private set; }

    public int Changes { get; private set; }

    /// <summary>When set, the clock time of every change is recorded here (the allocation test leaves it null).</summary>
    public List<long>? ChangeTimes { get; set; }

    public ManualClock? Clock { get; set; }

    public void Set(bool lit)
    {
        if (lit == Lit) return;
        Lit = lit;
        Changes++;
        if (ChangeTimes is not null && Clock is not null) ChangeTimes.Add(Clock.NowMilliseconds);
    }
}

internal sealed class FakeInputPin : IDigitalInput
{
    public bool Level { get; set; } = true; // pulled up: an open opto reads high

    public Exception? Throws { get; set; }

    public bool Read() => Throws is null ? Level : throw Throws;
}

/// <summary>An ADC scan whose pin voltages the test sets; <see cref="Refresh"/> latches them, as a real scan would.</summary>
internal sealed class FakeAnalogScan : IAnalogScanHardware
{
    private readonly IReadOnlyList<string> _pins;
    private readonly double[] _pending;
    private readonly double[] _latched;

    public FakeAnalogScan(IReadOnlyList<string> pins)
    {
        _pins = pins;
        _pending = new double[pins.Count];
        _latched = new double[pins.Count];
    }

    public int ChannelCount => _pins.Count;

    public bool Throws { get; set; }

    public int Refreshes { get; private set; }

    /// <summary>Spins this long in every refresh (a slow converter), in Stopwatch time.</summary>
    public TimeSpan Delay { get; set; }

    public void SetPinVolts(string pin, double volts) => _pending[IndexOf(pin)] = volts;

    /// <summary>Sets the pin to what <paramref name="terminalVolts"/> gives through the spec's divider on that pin.</summary>
    public void SetTerminalVolts(string pin, double terminalVolts) =>
        _pending[IndexOf(pin)] = terminalVolts / BoardProfiles.MeadowF7FeatherV2.Pins.Single(p => p.Pin == pin).Divider!.Ratio;

    /// <summary>Runs during every refresh (e.g. advances a manual clock: a slow conversion in simulated time).</summary>
    public Action? OnRefresh { get; set; }

    public void Refresh()
    {
        if (Delay > TimeSpan.Zero)
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
            }
        }
        OnRefresh?.Invoke();
        if (Throws) throw new TimeoutException("ADC conversion timed out");
        Array.Copy(_pending, _latched, _pending.Length);
        Refreshes++;
    }

    public double PinVolts(int channel) => _latched[channel];

    private int IndexOf(string pin)
    {
        for (var i = 0; i < _pins.Count; i++) if (_pins[i] == pin) return i;
        throw new ArgumentException($"{pin} is not scanned.", nameof(pin));
    }
}

internal sealed class FakeWatchdog : IWatchdog
{
    public int TimeoutMs { get; private set; }

    public int Enables { get; private set; }

    public int Resets { get; private set; }

    public void Enable(int timeoutMilliseconds)
    {
        TimeoutMs = timeoutMilliseconds;
        Enables++;
    }

    public void Reset() => Resets++;
}

/// <summary>
/// A UART in memory: the test pushes received bytes, written bytes are collected. Like Meadow's port, it raises
/// <see cref="BytesArrived"/> on the receiving thread right after the bytes are in its buffer.
/// </summary>
internal sealed class FakeSerialPort : ISerialPortLink
{
    private readonly object _gate = new();
    private readonly Queue<byte> _incoming = new();

    public FakeSerialPort(SerialSettings settings) => Settings = settings;

    public SerialSettings Settings { get; }

    public List<byte> Written { get; } = new();

    public int BytesAvailable
    {
        get
        {
            lock (_gate) return _incoming.Count;
        }
    }

    public event Action? BytesArrived;

    public long Overruns { get; set; }

    /// <summary>Whether a handler is listening (the receive pump has started).</summary>
    public bool HasListener => BytesArrived is not null;

    public void Receive(params byte[] bytes)
    {
        lock (_gate) foreach (var b in bytes) _incoming.Enqueue(b);
        BytesArrived?.Invoke();
    }

    public int Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            var n = 0;
            while (n < buffer.Length && _incoming.Count > 0) buffer[n++] = _incoming.Dequeue();
            return n;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate) System.Collections.Generic.CollectionExtensions.AddRange(Written, data); // no copy: allocation tests run through it
    }
}
