using System.Collections.Generic;

namespace BmsRules.Generator.Model;

/// <summary>
/// One entry of a product or module that carries provenance: its kind ("Input", "Transition", …), its name
/// (a code's id, a transition's trigger), the machine a transition belongs to, and its provenance.
/// </summary>
public sealed record SpecEntry(string Kind, Located Name, Provenance Provenance, string? Machine = null)
{
    /// <summary>How the rule book and <c>bms audit</c> name it: "threshold CellOvervoltage", "Discharge.Recovered".</summary>
    public string Title => Kind switch
    {
        "Transition" => $"{Machine}.{Name.Text}",
        "Code" => "code " + Name.Text,
        "LED" => "LED " + Name.Text,
        "VE.Bus frame" => "VE.Bus frame",
        _ => Kind.ToLowerInvariant() + " " + Name.Text,
    };
}

/// <summary>Every entry with provenance of a product or module, in file order (the one list every check and report walks).</summary>
public static class SpecEntries
{
    /// <summary>The entries of <paramref name="p"/>; <paramref name="withProduct"/> includes the product's own provenance first.</summary>
    public static IEnumerable<SpecEntry> Of(ProductSpec p, bool withProduct = true)
    {
        if (withProduct) yield return new SpecEntry("Product", p.Id, p.Provenance);
        foreach (var x in p.Inputs) yield return new SpecEntry("Input", x.Name, x.Provenance);
        foreach (var x in p.Settings) yield return new SpecEntry("Setting", x.Name, x.Provenance);
        foreach (var x in p.Timers) yield return new SpecEntry("Timer", x.Name, x.Provenance);
        foreach (var x in p.Thresholds) yield return new SpecEntry("Threshold", x.Name, x.Provenance);
        foreach (var x in p.Bands) yield return new SpecEntry("Band", x.Name, x.Provenance);
        foreach (var x in p.Signals) yield return new SpecEntry("Signal", x.Name, x.Provenance);
        foreach (var m in p.Machines)
        {
            yield return new SpecEntry("Machine", m.Name, m.Provenance);
            foreach (var t in m.Transitions) yield return new SpecEntry("Transition", t.Trigger, t.Provenance, m.Name.Text);
        }
        foreach (var x in p.Outputs) yield return new SpecEntry("Output", x.Name, x.Provenance);
        foreach (var x in p.Flags) yield return new SpecEntry("Flag", x.Name, x.Provenance);
        foreach (var x in p.Tables) yield return new SpecEntry("Table", x.Name, x.Provenance);
        foreach (var x in p.Leds) yield return new SpecEntry("LED", x.Name, x.Provenance);
        foreach (var x in p.Codes) yield return new SpecEntry("Code", x.Id, x.Provenance);
        if (p.VeBus is { } v) yield return new SpecEntry("VE.Bus frame", new Located("vebus", v.Address.Span), v.Provenance);
    }
}
