using System.Linq;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Running;

namespace BmsRules.Desktop.Tests.Scenarios;

public class TimelineTests
{
    [Fact]
    public void A_ramp_moves_a_value_linearly_from_the_value_in_force()
    {
        var result = ScenarioHarness.Run("""
            scenario: ramp
            duration: 40 min
            bank: { temperature: 20 °C }
            system: { multi: { present: false } }
            timeline:
              - at: 10 min
                ramp: { temperature: 0 °C }
                over: 20 min
            expect:
              - { at: 9 min, bank.temperature: 20 °C }
              - { at: 20 min, bank.temperature: "9.99 °C .. 10.01 °C" }
              - { at: 35 min, bank.temperature: 0 °C }
            """);

        Assert.True(result.Passed, string.Join("; ", result.Failed.Select(e => e.Detail)));
    }

    [Fact]
    public void A_repeated_event_happens_every_period_until_its_end()
    {
        var scenario = ScenarioLoader.LoadText("""
            scenario: daily
            duration: 3 d
            timeline:
              - at: 6 h
                every: 24 h
                until: 2 d
                sun: 300 W
            """, "daily.yaml");

        Assert.Equal(new long[] { 6, 30 }, scenario.Timeline.Select(e => e.AtMs / 3_600_000).ToArray());
    }

    [Fact]
    public void An_imbalance_injected_at_a_time_moves_that_cell_only()
    {
        var result = ScenarioHarness.Run("""
            scenario: inject
            duration: 2 min
            bank: { soc: 50 %, balancer: { current: 0 A } }
            system: { multi: { present: false } }
            timeline:
              - at: 1 min
                imbalance: { battery: 1, cell: 2, soc: +10 % }
            expect:
              - at: 1 min 30 s
                cell.1.2.soc: "59.9 % .. 60.1 %"
                cell.1.1.soc: "49.9 % .. 50.1 %"
            """);

        Assert.True(result.Passed, result.Expectations[0].Detail);
    }

    [Fact]
    public void Events_appear_in_the_timeline_with_their_notes()
    {
        var result = ScenarioHarness.Run("""
            scenario: notes
            duration: 2 min
            timeline:
              - { at: 1 min, mains: on, note: the generator starts }
            """);

        var e = Assert.Single(result.Events, e => e.Kind == SimEventKind.Scenario);
        Assert.Equal(60_000, e.TimeMs);
        Assert.Equal("mains on — the generator starts", e.To);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void An_input_override_holds_until_auto_gives_it_back()
    {
        var result = ScenarioHarness.Run("""
            scenario: override
            duration: 3 min
            system: { multi: { present: false } }
            timeline:
              - { at: 1 min, input.BatteryVoltage: 8.5 V }
              - { at: 2 min, input.BatteryVoltage: auto }
            expect:
              - { at: 1 min 30 s, input.BatteryVoltage: 8.5 V, code.E03: active }
              - { at: 2 min 30 s, input.BatteryVoltage: "13 V .. 14 V" }
            """);

        Assert.True(result.Passed, string.Join("; ", result.Failed.Select(e => e.Detail)));
    }

    [Fact]
    public void Intervals_and_numbers_can_be_written_the_short_way()
    {
        var result = ScenarioHarness.Run("""
            scenario: short forms
            duration: 10m
            system: { multi: { present: false } }
            expect:
              - always: 1 min .. 9 min
                bank.soc: "> 40"
                state.System: on
            """);

        Assert.True(result.Passed, result.Expectations[0].Detail);
    }
}
