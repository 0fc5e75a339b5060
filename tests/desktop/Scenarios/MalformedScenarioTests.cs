using System.Linq;
using BmsRules.Desktop.Commands;

namespace BmsRules.Desktop.Tests.Scenarios;

public class MalformedScenarioTests
{
    [Fact]
    public void An_unknown_key_is_reported_at_its_line_and_column_with_a_suggestion()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: typo
            bank:
              serie: 2
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((3L, 3L), (d.Line, d.Column));
        Assert.Contains("Unknown key 'serie' in bank", d.Message);
        Assert.Contains("Did you mean 'series'?", d.Message);
    }

    [Fact]
    public void A_bad_unit_is_reported_where_it_is_written()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: volts for amps
            system:
              loads: { dc: 12 V }
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(3L, d.Line);
        Assert.Equal(16L, d.Column);
        Assert.Contains("'V' is not a unit for a load or source", d.Message);
    }

    [Fact]
    public void A_time_without_unit_is_refused()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: no unit
            timeline:
              - at: 90
                mains: on
            """);

        Assert.Contains(ex.Diagnostics, d => d.Line == 3 && d.Message.Contains("has no unit"));
    }

    [Fact]
    public void A_yaml_syntax_error_is_located()
    {
        var ex = ScenarioHarness.Reject("scenario: broken\nbank: { series: 2\n");

        var d = Assert.Single(ex.Diagnostics);
        Assert.StartsWith("YAML syntax:", d.Message);
        Assert.True(d.Line >= 2);
    }

    [Fact]
    public void An_unknown_observable_in_an_expectation_names_the_nearest_known_one()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: typo in expectation
            duration: 1 min
            expect:
              - at: 30 s
                output.LoadDisconect: High
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((5L, 5L), (d.Line, d.Column));
        Assert.Contains("Did you mean 'output.LoadDisconnect'?", d.Message);
    }

    [Fact]
    public void An_expected_state_the_machine_does_not_have_lists_its_states()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: bad state
            duration: 1 min
            expect:
              - at: 30 s
                state.Discharge: Disconnected
            """);

        Assert.Contains("it is one of Startup, Normal, PreAlarm, LoadDisconnected", Assert.Single(ex.Diagnostics).Message);
    }

    [Fact]
    public void An_unknown_control_in_the_timeline_is_located()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: bad control
            timeline:
              - at: 1 min
                set: { sunshine: 300 W }
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(4L, d.Line);
        Assert.Contains("Unknown control 'sunshine'", d.Message);
        Assert.Contains("Did you mean 'sun'?", d.Message);
    }

    [Fact]
    public void An_expectation_after_the_end_of_the_run_is_refused()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: too late
            duration: 1 h
            expect:
              - at: 2 h
                state.System: On
            """);

        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("past the end of the run"));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: many problems
            step: fast
            bank:
              soc: 150 %
            system:
              mains: maybe
            """);

        Assert.Equal(new long[] { 2, 4, 6 }, ex.Diagnostics.Select(d => d.Line).ToArray());
    }

    [Fact]
    public void A_malformed_scenario_exits_2_and_prints_file_line_and_column()
    {
        var outcome = ScenarioHarness.RunText("scenario: x\nbogus: 1\n", "malformed.yaml");

        Assert.Equal(SimulateCommand.ExitInvalid, outcome.ExitCode);
        Assert.Contains("malformed.yaml:2:1: error: Unknown key 'bogus' in the scenario.", outcome.Error);
        Assert.Contains("nothing was run", outcome.Error);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var outcome = ScenarioHarness.RunFile("/nonexistent/scenario.yaml");

        Assert.Equal(SimulateCommand.ExitInvalid, outcome.ExitCode);
        Assert.Contains("Cannot read the scenario", outcome.Error);
    }

    [Fact]
    public void A_DVCC_charger_without_a_Multi_is_refused_because_the_GX_reads_the_BMS_through_the_Multi()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: dvcc without a Multi
            system:
              multi: { present: false }
              gx: { present: true }
              solar: { control: dvcc }
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(5L, d.Line);
        Assert.Contains("the GX reads the VE.Bus BMS through the Multi", d.Message);
    }

    [Fact]
    public void A_BMS_timeout_a_single_slow_frame_would_trip_is_refused()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: impatient Multi
            system:
              multi: { bms_timeout: 1 s }
            """);

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(3L, d.Line);
        Assert.Contains("longer than the BMS frame's low-power repeat interval (1.5 s)", d.Message);
    }

    [Fact]
    public void A_DVCC_period_outside_100_ms_to_10_min_is_refused()
    {
        var ex = ScenarioHarness.Reject("""
            scenario: hasty GX
            system:
              gx: { present: true, dvcc_period: 10 ms }
            """);

        Assert.Contains(ex.Diagnostics, d => d.Line == 3 && d.Message.Contains("dvcc_period must be between 100 ms and 10 min"));
    }
}
