using System;
using System.IO;
using BmsRules.Desktop.Commands;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Testing;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary>The timing figures: measured here and printed (docs/vebus.md, "Timing"); bounds loose enough for a busy CI machine.</summary>
public sealed class BenchTests
{
    private readonly ITestOutputHelper _output;

    public BenchTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Encoding_and_decoding_keep_far_ahead_of_the_256000_baud_line()
    {
        var engine = new VeBusBmsV2Engine();
        new EngineDriver(engine).RunningV2();

        var encode = VeBusBench.EncodeBmsFrames(engine, 200_000);
        var decode = VeBusBench.DecodeStream(200);

        _output.WriteLine($"{encode}; {encode.FramesPerSecond:0} frames/s, {encode.TimesLineRate:0} × line rate");
        _output.WriteLine($"{decode}; {decode.FramesPerSecond:0} frames/s, {decode.TimesLineRate:0} × line rate");
        Assert.True(encode.TimesLineRate > 10, $"encode only {encode.TimesLineRate:0.0} × the line rate");
        Assert.True(decode.TimesLineRate > 10, $"decode only {decode.TimesLineRate:0.0} × the line rate");
        Assert.True(decode.Frames >= 200 * 60);
    }

    [Fact]
    public void A_sync_is_answered_within_a_small_part_of_the_20_ms_slot_in_nearly_every_case()
    {
        var engine = new VeBusBmsV2Engine();
        new EngineDriver(engine).RunningV2();

        var latency = VeBusBench.SyncToHandoff(engine, 20_000);

        _output.WriteLine(latency.ToString());
        Assert.Equal(20_000, latency.Samples);
        Assert.True(latency.Median < 1_000, $"median {latency.Median} µs");
        Assert.True(latency.P99 < 2_000, $"p99 {latency.P99} µs");
    }

    [Fact]
    public void The_bench_command_prints_every_figure()
    {
        var output = new StringWriter();

        var code = VeBusBenchCommand.Run(1_000, "VeBusBmsV2", output, new StringWriter());

        _output.WriteLine(output.ToString());
        Assert.Equal(0, code);
        foreach (var figure in new[] { "encode BMS frame", "decode stream", "engine step", "sync received → BMS frame handed to the link" })
        {
            Assert.Contains(figure, output.ToString(), StringComparison.Ordinal);
        }
    }
}
