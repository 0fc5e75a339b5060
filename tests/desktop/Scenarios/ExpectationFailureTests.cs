using BmsRules.Desktop.Commands;
using BmsRules.Simulation.Scenarios.Expectations;

namespace BmsRules.Desktop.Tests.Scenarios;

public class ExpectationFailureTests
{
    private const string Healthy = """
        scenario: healthy battery
        duration: 5 min
        system:
          multi: { present: false }
        expect:
          - name: the loads are connected
            at: 2 min
            output.LoadDisconnect: High
          - name: loads are cut although nothing is wrong
            at: 3 min
            output.LoadDisconnect: Floating
            bank.soc: "> 10 %"
        """;

    [Fact]
    public void A_false_expectation_exits_1_and_names_itself_its_line_the_time_and_the_values_seen()
    {
        var outcome = ScenarioHarness.RunText(Healthy, "false.yaml");

        Assert.Equal(SimulateCommand.ExitFailed, outcome.ExitCode);
        Assert.Contains("false.yaml:9:5: error: expectation 'loads are cut although nothing is wrong' failed at 00:03:00.0", outcome.Error);
        Assert.Contains("output.LoadDisconnect = High (expected Floating)", outcome.Error);
        Assert.DoesNotContain("the loads are connected", outcome.Error);
        Assert.Contains("1 of 2 expectations failed", outcome.Output);
    }

    [Fact]
    public void A_true_expectation_passes_and_exits_0()
    {
        var outcome = ScenarioHarness.RunText(Healthy.Replace("output.LoadDisconnect: Floating", "output.LoadDisconnect: High"));

        Assert.Equal(SimulateCommand.ExitPassed, outcome.ExitCode);
        Assert.Contains("All 2 expectations hold", outcome.Output);
    }

    [Fact]
    public void An_always_expectation_fails_at_the_first_step_where_it_does_not_hold()
    {
        var result = ScenarioHarness.Run("""
            scenario: remote off at 2 min
            duration: 4 min
            system: { multi: { present: false } }
            timeline:
              - { at: 2 min, remote: off }
            expect:
              - always: [10 s, end]
                state.System: On
            """);

        var e = Assert.Single(result.Expectations);
        Assert.Equal(ExpectationOutcome.Failed, e.Outcome);
        Assert.Equal(120_000, e.DecidedAtMs);
        Assert.Contains("state.System = Off (expected On)", e.Detail);
    }

    [Fact]
    public void A_never_expectation_fails_when_its_condition_holds_once()
    {
        var result = ScenarioHarness.Run("""
            scenario: remote off at 1 min
            duration: 2 min
            system: { multi: { present: false } }
            timeline:
              - { at: 1 min, remote: off }
            expect:
              - never: run
                state.System: Off
                output.LoadDisconnect: Floating
            """);

        Assert.Equal(ExpectationOutcome.Failed, result.Expectations[0].Outcome);
    }

    [Fact]
    public void A_within_expectation_that_never_holds_reports_the_values_at_the_end_of_its_window()
    {
        var result = ScenarioHarness.Run("""
            scenario: nothing happens
            duration: 2 min
            system: { multi: { present: false } }
            expect:
              - within: [10 s, 1 min]
                output.PreAlarm: High
            """);

        var e = result.Expectations[0];
        Assert.Equal(ExpectationOutcome.Failed, e.Outcome);
        Assert.Equal(60_000, e.DecidedAtMs);
        Assert.Contains("never held in the window", e.Detail);
    }

    [Fact]
    public void A_sequence_fails_when_the_gap_is_shorter_than_at_least()
    {
        var result = ScenarioHarness.Run("""
            scenario: remote off then on
            duration: 3 min
            system: { multi: { present: false } }
            timeline:
              - { at: 1 min, remote: off }
              - { at: 1 min 10 s, remote: on }
            expect:
              - first: { state.System: Off }
                then: { state.System: On }
                from: 30 s
                at_least: 30 s
            """);

        var e = result.Expectations[0];
        Assert.Equal(ExpectationOutcome.Failed, e.Outcome);
        Assert.Contains("10.5 s apart", e.Detail);
    }
}
