namespace BmsRules.Desktop.Tests.Simulation;

/// <summary>
/// The simulator tells the engine whether the Multi is on by the spec's board rule (a sync frame within 100 ms), as the
/// board does, not from the Multi model's own state.
/// </summary>
public class MultiOnRuleTests
{
    [Fact]
    public void A_multi_switched_off_that_keeps_clocking_the_bus_is_on_for_the_engine_by_the_spec_rule()
    {
        var outcome = ScenarioHarness.RunText("""
            scenario: the Multi switched off at its front switch
            duration: 4 min
            system: { loads: { ac: 200 W } }
            timeline: [ { at: 2 min, multi.switch: off } ]
            expect:
              - name: on and clocking
                at: 1 min
                multi.on: true
                input.MultiOn: true
              - name: off, still clocking the bus, so MultiOn stays true
                always: [2 min 1 s, 4 min]
                multi.on: false
                multi.state: Off
                input.MultiOn: true
                flag.BmsLowPower: false
            """);
        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
    }
}
