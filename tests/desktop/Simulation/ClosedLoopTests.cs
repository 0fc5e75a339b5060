using System.Linq;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Running;

namespace BmsRules.Desktop.Tests.Simulation;

/// <summary>The engine's outputs act on the physics, and the physics on the engine's inputs.</summary>
public class ClosedLoopTests
{
    [Fact]
    [Trait("Covers", "V2-02")]
    public void The_load_disconnect_cuts_the_load_current_out_of_the_battery()
    {
        var result = ScenarioHarness.Run("""
            scenario: run down
            duration: 2 h
            bank: { battery: { capacity: 100 Ah }, soc: 10 % }
            system: { multi: { present: false }, loads: { dc: 30 A } }
            expect:
              - at: end
                output.LoadDisconnect: Floating
                bank.current: "> -0.01 A"
            """);

        Assert.True(result.Passed, result.Expectations[0].Detail);
    }

    [Fact]
    public void Each_reading_increments_the_battery_data_sequence()
    {
        var scenario = ScenarioLoader.LoadText("""
            scenario: sequence
            duration: 10 s
            bank: { data_interval: 1 s }
            expect:
              - { at: 10 s, input.BatteryDataSequence: 11 }
            """, "seq.yaml");

        Assert.True(ScenarioRunner.Run(scenario).Passed, scenario.Expectations[0].Detail);
    }

    [Fact]
    [Trait("Covers", "V2-01")]
    public void The_default_run_raises_the_pre_alarm_at_least_30_s_before_it_disconnects_the_loads()
    {
        var result = ScenarioRunner.Run(ScenarioLoader.LoadDefault());

        var preAlarm = result.WhenChangedTo("output.PreAlarm", "High").First();
        var disconnect = result.WhenChangedTo("state.Discharge", "LoadDisconnected").First();
        var loadsOff = result.Events.First(e => e.Name == "output.LoadDisconnect" && e.To == "Floating" && e.TimeMs > preAlarm).TimeMs;
        Assert.True(disconnect - preAlarm >= 30_000, $"pre-alarm {preAlarm} ms, disconnect {disconnect} ms");
        Assert.Equal(disconnect, loadsOff);
        Assert.True(result.Passed);
    }

    [Fact]
    public void The_default_run_goes_through_every_stage_the_issue_asks_for()
    {
        var result = ScenarioRunner.Run(ScenarioLoader.LoadDefault());

        Assert.NotEmpty(result.WhenChangedTo("output.PreAlarm", "High"));
        Assert.NotEmpty(result.WhenChangedTo("state.Discharge", "LoadDisconnected"));
        Assert.NotEmpty(result.WhenChangedTo("multi.state", "Charging"));
        Assert.NotEmpty(result.WhenChangedTo("code.A02", "raised"));
        Assert.NotEmpty(result.WhenChangedTo("code.A03", "raised"));
        Assert.NotEmpty(result.WhenChangedTo("state.System", "Off"));
        Assert.True(result.WhenChangedTo("state.System", "On").Count() >= 2);
    }

    [Fact]
    public void A_quiet_step_allocates_nothing()
    {
        var scenario = ScenarioLoader.LoadText("""
            scenario: a quiet day
            duration: 1 d
            system: { loads: { dc: 2 A }, multi: { present: false } }
            """, "quiet.yaml");
        ScenarioRunner.Run(ScenarioLoader.LoadText("scenario: warm-up\nduration: 1 h\n", "warm.yaml"));

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var result = ScenarioRunner.Run(scenario);
        var perStep = (double)(System.GC.GetAllocatedBytesForCurrentThread() - before) / result.Steps;

        Assert.True(perStep < 0.5, $"{perStep:0.###} bytes per step");
    }
}
