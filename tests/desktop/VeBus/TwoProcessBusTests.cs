using System;
using System.Diagnostics;
using System.IO;
using BmsRules.Desktop.Tests.Infrastructure;
using BmsRules.Desktop.VeBus;
using BmsRules.Simulation.VeBus;
using Xunit;
using Xunit.Abstractions;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary>
/// End to end, as a bench would run it: <c>bms vebus multi</c> and <c>bms vebus bms</c> as two processes on the two
/// ends of a pseudo-terminal pair (real termios, 256000 baud). The Multi process runs the simulator's Multi
/// model behind its bus end, with mains on: it charges and could invert while the BMS is healthy, goes charger-only
/// when the BMS sees a low cell, and into emergency mode (at most 5 A, no inverting) when the BMS process is killed.
/// Every wait polls the output with a generous deadline, so a loaded machine only makes it slower.
/// </summary>
public sealed class TwoProcessBusTests
{
    private readonly ITestOutputHelper _output;

    public TwoProcessBusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    [Trait("Covers", "V2-04")]
    [Trait("Covers", "V2-18")]
    public void The_Multi_process_goes_charger_only_on_a_low_cell_and_into_emergency_mode_when_the_BMS_process_dies()
    {
        using var pair = PtyPair.Start();
        var script = Path.GetTempFileName();
        File.WriteAllText(script, "# healthy, then one cell drops below 2.8 V\n3s CellMinVoltage=2.7\n");
        try
        {
            using var multi = BmsProcess.Start("vebus", "multi", "--port", pair.A, "--mains", "on", "--duration", "180");
            // Engine time ×10: the 30 s pre-alarm before the load disconnect passes in 3 s; the bus keeps real time.
            using var bms = BmsProcess.Start("vebus", "bms", "--port", pair.B, "--script", script, "--speed", "10", "--duration", "180");
            var startup = TimeSpan.FromSeconds(60);

            var healthy = multi.WaitForLine(l => l.Contains("bms=present", StringComparison.Ordinal)
                                                 && l.Contains("AllowToDischarge=true", StringComparison.Ordinal)
                                                 && l.Contains("BmsVersion=1146100", StringComparison.Ordinal), startup, what: "with the BMS present and discharge allowed");
            Assert.Contains("state=Charging ", multi.Lines[healthy], StringComparison.Ordinal);
            var lowCell = multi.WaitForLine(l => l.Contains("bms=present", StringComparison.Ordinal)
                                                 && l.Contains("AllowToDischarge=false", StringComparison.Ordinal), TimeSpan.FromSeconds(50), healthy,
                "with discharge not allowed");
            Assert.Contains("state=ChargerOnly ", multi.Lines[lowCell], StringComparison.Ordinal);
            Assert.Contains("charge-limit=50A", multi.Lines[lowCell], StringComparison.Ordinal);
            Assert.Contains("inverting=no", multi.Lines[lowCell], StringComparison.Ordinal);
            Assert.Contains("AllowToCharge=true", multi.Lines[lowCell], StringComparison.Ordinal);
            Assert.Contains("emergency=false", multi.Lines[lowCell], StringComparison.Ordinal);

            var killed = Stopwatch.StartNew();
            bms.Kill();
            var emergency = multi.WaitForLine(l => l.Contains("emergency=true", StringComparison.Ordinal), TimeSpan.FromSeconds(30), lowCell,
                "with emergency mode after the BMS died");
            var after = killed.ElapsedMilliseconds;

            foreach (var line in multi.Lines) _output.WriteLine(line);
            foreach (var line in bms.Lines) _output.WriteLine(line);
            Assert.Contains("bms=absent", multi.Lines[emergency], StringComparison.Ordinal);
            Assert.Contains("state=Emergency ", multi.Lines[emergency], StringComparison.Ordinal);
            Assert.Contains("charge-limit=5A", multi.Lines[emergency], StringComparison.Ordinal);
            Assert.Contains("inverting=no", multi.Lines[emergency], StringComparison.Ordinal);
            // The last frame came at most one repeat interval (1 s) before the kill.
            Assert.InRange(after, MultiBmsMonitor.BmsFrameTimeoutMs - 1_500, MultiBmsMonitor.BmsFrameTimeoutMs + 5_000);
            Assert.Contains("rejected=0", multi.Lines[emergency], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void The_Multi_process_runs_the_firmware_check_of_the_Multi_model()
    {
        using var pair = PtyPair.Start();
        using var multi = BmsProcess.Start("vebus", "multi", "--port", pair.A, "--mains", "on", "--firmware", "2629400", "--duration", "2");

        Assert.Equal(0, multi.WaitForExit(TimeSpan.FromSeconds(60)));
        var first = multi.WaitForLine(l => l.StartsWith("multi t=", StringComparison.Ordinal), TimeSpan.FromSeconds(5), what: "with the Multi's state");
        Assert.Contains("state=Error ", multi.Lines[first], StringComparison.Ordinal);
        Assert.Contains("vebus-error=15", multi.Lines[first], StringComparison.Ordinal);
        Assert.Contains(multi.Lines, l => l.Contains("firmware 2629400 (CombinationError)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Multi_process_refuses_a_firmware_number_that_is_not_seven_digits()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = BmsRules.Desktop.Commands.VeBusMultiCommand.Run("/dev/null", 256_000, 1, "VeBusBmsV2",
            new BmsRules.Desktop.Commands.VeBusMultiCommand.Setup(true, BmsRules.Simulation.MultiSwitch.On, "26294", false, 12), output, error,
            System.Threading.CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--firmware must be the seven-digit VE.Bus firmware number", error.ToString(), StringComparison.Ordinal);
    }
}
