using System;
using System.Linq;
using BmsRules.Properties.Infrastructure;
using BmsRules.Runtime;
using BmsRules.Testing.VeBus;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Properties.VeBus;

/// <summary>
/// The engine's flags and the BMS frames on the wire always agree, and the frames follow the bus: random input
/// traces (with boot loader, Multi off, remote off, invalid and stale data) run while a Multi sends a sync every
/// 20 ms.
/// </summary>
public sealed class TransmitterProperties
{
    private static readonly TraceGenerators.Options Options = new() { MinSteps = 5, MaxSteps = 60 };
    private readonly ITestOutputHelper _output;

    public TransmitterProperties(ITestOutputHelper output) => _output = output;

    private static Func<IRuleEngine, IRuleEngine> Direct => e => e;

    private static Func<IRuleEngine, IRuleEngine> Stale => e => new StaleFlagsEngine(e);

    /// <summary>Every frame written decodes, and carries exactly the engine's flags at the moment it was written (and the layout's constants, and no other bits).</summary>
    public static Property FramesCarryTheEngineFlagsAtSendTime(Func<IRuleEngine> engine, Func<IRuleEngine, IRuleEngine> view) =>
        Prop.ForAll(TraceGenerators.Traces(Options), trace =>
        {
            var violation = BusSimulation.Run(engine(), view, trace, e =>
            {
                if (e.Written is null) return null;
                var layout = e.Engine.Descriptor.VeBus!;
                var payload = BusSimulation.DecodeBmsFrame(e.Written, layout, out var why);
                if (payload is null) return why + $" [{Hex.Text(e.Written)}]";
                var expected = BusSimulation.ExpectedPayload(e.Engine);
                return payload.AsSpan().SequenceEqual(expected)
                    ? null
                    : $"frame payload [{Hex.Text(payload)}] but the engine's flags give [{Hex.Text(expected)}]";
            });
            return Prop.Label(violation is null, violation ?? "holds");
        });

    /// <summary>Right after every sync gap, while frames may be sent, the last frame on the wire carries the engine's current flags.</summary>
    public static Property TheWireNeverLagsTheEngineByMoreThanOneSyncGap(Func<IRuleEngine> engine, Func<IRuleEngine, IRuleEngine> view) =>
        Prop.ForAll(TraceGenerators.Traces(Options), trace =>
        {
            var violation = BusSimulation.Run(engine(), view, trace, e =>
            {
                var layout = e.Engine.Descriptor.VeBus!;
                if (!e.Engine.GetFlag(layout.SendWhenFlag)) return null;
                var last = e.Written ?? e.PreviousFrame;
                if (last is null) return "frames may be sent but none is on the wire";
                var payload = BusSimulation.DecodeBmsFrame(last, layout, out var why);
                if (payload is null) return why;
                var expected = BusSimulation.ExpectedPayload(e.Engine);
                return payload.AsSpan().SequenceEqual(expected)
                    ? null
                    : $"the wire says [{Hex.Text(payload)}] after the gap but the engine's flags give [{Hex.Text(expected)}]";
            });
            return Prop.Label(violation is null, violation ?? "holds");
        });

    /// <summary>
    /// Frame number = the sync's + 1 (mod 128); no frame while SendBmsFrames is off; while it is on, a frame at
    /// least every BmsFrameInterval (BmsFrameIntervalLowPower while BmsLowPower), and never an extra one unless a
    /// flag changed or sending just resumed.
    /// </summary>
    public static Property FramesFollowTheBusRules(Func<IRuleEngine> engine) =>
        Prop.ForAll(TraceGenerators.Traces(Options), trace =>
        {
            var e0 = engine();
            var d = e0.Descriptor;
            var send = d.Flag("SendBmsFrames");
            var lowPower = d.Flag("BmsLowPower");
            var normal = d.Timers.Single(t => t.Name == "BmsFrameInterval").Milliseconds;
            var longer = d.Timers.Single(t => t.Name == "BmsFrameIntervalLowPower").Milliseconds;
            var sentSinceResume = false;
            var violation = BusSimulation.Run(e0, Direct, trace, e =>
            {
                var on = e.Engine.GetFlag(send);
                if (e.Written is not null)
                {
                    if (e.Written[3] != (e.SyncNumber + 1) % 128) return $"frame number {e.Written[3]} after sync {e.SyncNumber}";
                    if (!on) return "frame sent while SendBmsFrames is off";
                }
                if (!on)
                {
                    sentSinceResume = false;
                    return null;
                }
                var interval = e.Engine.GetFlag(lowPower) ? longer : normal;
                var previous = e.PreviousFrame is null ? null : BusSimulation.DecodeBmsFrame(e.PreviousFrame, d.VeBus!, out _);
                var changed = previous is null || !BusSimulation.ExpectedPayload(e.Engine).AsSpan().SequenceEqual(previous);
                var due = !sentSinceResume || changed || e.Time - e.PreviousFrameTime >= interval;
                if (due && e.Written is null) return $"no frame although one was due (last {e.Time - e.PreviousFrameTime} ms ago, interval {interval} ms)";
                if (!due && e.Written is not null) return $"an extra frame {e.Time - e.PreviousFrameTime} ms after the last, with no flag change";
                if (e.Written is not null) sentSinceResume = true;
                return null;
            });
            return Prop.Label(violation is null, violation ?? "holds");
        });

    [Fact]
    [Trait("Covers", "V2-21")]
    public void Every_frame_on_the_wire_carries_the_engine_flags_at_send_time() =>
        PropertyRunner.Check("frames carry the flags", FramesCarryTheEngineFlagsAtSendTime(Mutants.Real, Direct), _output);

    [Fact]
    public void Companion_catches_a_transmitter_that_reads_the_flags_of_the_step_before()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("frames carry the flags (stale view)", FramesCarryTheEngineFlagsAtSendTime(Mutants.Real, Stale), _output));
        Assert.Contains("but the engine's flags give", failure.Message);
    }

    [Fact]
    public void The_wire_never_lags_the_engine_flags_by_more_than_one_sync_gap() =>
        PropertyRunner.Check("wire follows the flags", TheWireNeverLagsTheEngineByMoreThanOneSyncGap(Mutants.Real, Direct), _output);

    [Fact]
    public void Companion_catches_a_wire_that_lags_a_step_behind()
    {
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("wire follows the flags (stale view)", TheWireNeverLagsTheEngineByMoreThanOneSyncGap(Mutants.Real, Stale), _output));
        Assert.Contains("after the gap", failure.Message);
    }

    [Fact]
    [Trait("Covers", "V2-10")]
    [Trait("Covers", "V2-21")]
    public void Frames_follow_the_frame_number_send_when_and_interval_rules() =>
        PropertyRunner.Check("bus rules", FramesFollowTheBusRules(Mutants.Real), _output);

    [Fact]
    public void Companion_catches_a_layout_whose_send_when_flag_is_not_SendBmsFrames()
    {
        var mutant = Mutants.FromSpec("send_when: SendBmsFrames", "send_when: AllowToCharge");
        var failure = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("bus rules (mutant)", FramesFollowTheBusRules(mutant), _output));
        Assert.Matches("no frame although one was due|frame sent while SendBmsFrames is off", failure.Message);
    }
}
