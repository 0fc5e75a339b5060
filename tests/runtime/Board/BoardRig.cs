using System;
using BmsRules.Runtime.Board;
using BmsRules.Runtime.Hardware;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Tests.Board;

/// <summary>A board composed from a real profile over fake hardware, run on a manual clock.</summary>
internal sealed class BoardRig
{
    public BoardRig(BoardProfile? profile = null, Func<LinkContext, ILinkService>? link = null, bool watchdog = true, ILogger? logger = null)
    {
        Board = BoardComposer.Compose(profile ?? BoardProfiles.MeadowF7FeatherV2, Io, Clock, logger, link, watchdog);
    }

    public ManualClock Clock { get; } = new();

    public FakeBoardIo Io { get; } = new();

    public WiredBoard Board { get; }

    public ControlLoopRunner Runner => Board.Runner;

    public FakeTerminalPin Atd => Io.Terminals["D02"];

    public FakeTerminalPin Atc => Io.Terminals["D03"];

    public FakeTerminalPin PreAlarm => Io.Terminals["D04"];

    public FakeLedPin StatusLed => Io.Leds["D05"];

    public FakeAnalogScan Scan => Io.Scan!;

    /// <summary>A healthy 12 V bank: 13.2 V, remote L pulled to minus (ON), BTV allows both directions, no pre-alarm.</summary>
    public BoardRig Healthy()
    {
        Scan.SetTerminalVolts("A00", 13.2);
        Scan.SetTerminalVolts("A01", 0);
        Scan.SetTerminalVolts("A02", 0);
        Scan.SetTerminalVolts("A03", 0);
        if (Io.Inputs.Count > 0)
        {
            Btv("D10", present: true);
            Btv("D11", present: true);
            Btv("D14", present: false);
        }
        return this;
    }

    /// <summary>Sets a BTV opto input: a present signal pulls the pin low.</summary>
    public void Btv(string pin, bool present) => Io.Inputs[pin].Level = !present;

    /// <summary>Runs the loop as the board does (watchdog enabled first), waiting on the manual clock.</summary>
    public void Run(long milliseconds)
    {
        Runner.StartWatchdog();
        var end = Clock.NowMilliseconds + milliseconds;
        while (Clock.NowMilliseconds < end)
        {
            var delay = Runner.RunCycle();
            Clock.Advance(Math.Min(Math.Max(delay, 1), end - Clock.NowMilliseconds));
        }
    }
}
