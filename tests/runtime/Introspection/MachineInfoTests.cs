using System;
using System.Linq;
using BmsRules.Products.VeBusBmsV2;
using Xunit;

namespace BmsRules.Runtime.Tests.Introspection;

/// <summary>The Stateless-style introspection generated from the spec.</summary>
public sealed class MachineInfoTests
{
    private static readonly Runtime.Introspection.EngineDescriptor Info = VeBusBmsV2Engine.Info;

    [Fact]
    public void Permitted_triggers_per_state_follow_the_spec_in_priority_order()
    {
        var discharge = Info.Machines[Info.Machine("Discharge")];
        Assert.Equal(new[] { "Stop", "UndervoltageConfirmed", "PreAlarmCleared" }, discharge.PermittedTriggers("PreAlarm"));
        Assert.Equal(new[] { "StartLow", "StartWarned", "StartNormal" }, discharge.PermittedTriggers("Startup"));
    }

    [Fact]
    public void Transitions_carry_their_guard_timer_and_provenance()
    {
        var discharge = Info.Machines[Info.Machine("Discharge")];
        var confirmed = discharge.Transitions.Single(t => t.Trigger == "UndervoltageConfirmed");
        Assert.Equal("PreAlarm", confirmed.Source.Name);
        Assert.Equal("LoadDisconnected", confirmed.Destination.Name);
        Assert.Equal("Undervoltage", confirmed.GuardDescription);
        Assert.Equal("PreAlarmMinimum", confirmed.Timer);
        Assert.Equal(30_000, confirmed.TimerMilliseconds);
        Assert.Equal("Undervoltage after PreAlarmMinimum (30 s)", confirmed.Condition);
        Assert.Contains("001_27e9df261b5157fa.txt", confirmed.Provenance);
    }

    [Fact]
    public void Initial_states_and_every_state_have_descriptions()
    {
        Assert.Equal("Off", Info.Machines[Info.Machine("System")].InitialState.Name);
        Assert.Equal("NoData", Info.Machines[Info.Machine("Health")].InitialState.Name);
        Assert.All(Info.Machines.SelectMany(m => m.States), s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }

    [Fact]
    public void A_transition_from_every_other_state_is_listed_once_per_source_state()
    {
        var system = Info.Machines[Info.Machine("System")];
        var sources = system.Transitions.Where(t => t.Trigger == "EnterBootloader").Select(t => t.Source.Name).ToArray();
        Assert.Equal(new[] { "Off", "Starting", "On" }, sources);
    }

    [Fact]
    public void Every_spec_entry_carries_a_source_or_an_assumption()
    {
        var entries = Info.Inputs.Cast<Runtime.Introspection.SpecEntry>().Concat(Info.Settings).Concat(Info.Timers)
            .Concat(Info.Conditions).Concat(Info.Bands).Concat(Info.Outputs).Concat(Info.Flags).Concat(Info.Tables).Concat(Info.Codes);
        Assert.All(entries, e => Assert.Matches("^(source|assumption): ", e.Provenance));
        Assert.All(Info.Machines.SelectMany(m => m.Transitions), t => Assert.Matches("^(source|assumption): ", t.Provenance));
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Info.Output("ATD"));
        Assert.Contains("LoadDisconnect, ChargeDisconnect, PreAlarm", error.Message);
    }

    [Fact]
    public void Lookups_by_name_match_the_index_order_of_the_spec()
    {
        Assert.Equal(0, Info.Input("CellMinVoltage"));
        Assert.Equal("CellMaxVoltage", Info.Inputs[Info.Input("CellMaxVoltage")].Name);
        Assert.Equal("E01", Info.Codes[Info.Code("BatteryDataInvalid")].Id);
        Assert.True(Info.Tables[Info.Table("StatusLed")].IsLed);
        Assert.Equal(Info.Tables[Info.Table("StatusLed")].Columns.Count, (int)Math.Log2(Info.Tables[Info.Table("StatusLed")].Lookup.Count));
    }
}
