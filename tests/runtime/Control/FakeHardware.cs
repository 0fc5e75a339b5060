using System;
using System.Collections.Generic;
using BmsRules.Runtime.Hardware;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Tests.Control;

/// <summary>An input source whose value the test sets.</summary>
internal sealed class FakeSource : IInputSource
{
    public FakeSource(double value) => Value = value;

    public double Value { get; set; }

    public Exception? Throws { get; set; }

    public double Read() => Throws is null ? Value : throw Throws;
}

/// <summary>A source that counts up on every read (a battery-data sequence).</summary>
internal sealed class CountingSource : IInputSource
{
    private double _value;

    public bool Frozen { get; set; }

    public double Read() => Frozen ? _value : ++_value;
}

/// <summary>An output terminal that remembers every level it was given.</summary>
internal sealed class FakeTerminal : IDigitalOutput
{
    public List<OutputLevel> History { get; } = new();

    public OutputLevel Level => History.Count == 0 ? throw new InvalidOperationException("never set") : History[^1];

    public void Set(OutputLevel level) => History.Add(level);
}

/// <summary>An LED that remembers its state.</summary>
internal sealed class FakeLed : ILed
{
    public bool Lit { get; private set; }

    public int Changes { get; private set; }

    public void Set(bool lit)
    {
        if (lit != Lit) Changes++;
        Lit = lit;
    }
}

/// <summary>A logger that records formatted messages with their event ids.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((eventId.Id, logLevel, formatter(state, exception)));
}

/// <summary>A logger that is disabled and fails the test if anything is logged anyway.</summary>
internal sealed class DisabledLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => false;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        throw new InvalidOperationException("Logged although the level is disabled.");
}
