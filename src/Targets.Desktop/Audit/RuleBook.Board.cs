using System.Collections.Generic;
using System.Linq;
using BmsRules.Generator.Model;

namespace BmsRules.Desktop.Audit;

// The board section of the rule book: what the board runtime decides around the engine, each decision with its
// provenance and, where the simulator does it differently, why.
internal sealed partial class RuleBook
{
    private IEnumerable<(string What, Provenance Provenance)> BoardEntries()
    {
        if (_product.Board is not { } b) yield break;
        foreach (var m in b.Modes) yield return ("board input mode " + m.Name.Text, m.Note.Provenance);
        foreach (var i in b.Inputs) yield return ("board input " + i.Input.Text, i.Note.Provenance);
        if (b.MultiOn is { } multiOn) yield return ("board multi_on", multiOn.Note.Provenance);
        if (b.Control is { } control) yield return ("board control", control.Note.Provenance);
        if (b.Watchdog is { } watchdog) yield return ("board watchdog", watchdog.Note.Provenance);
        if (b.Adc is { } adc) yield return ("board adc", adc.Note.Provenance);
        foreach (var f in b.FailSafe) yield return ("board fail-safe " + f.Kind.Text, f.Note.Provenance);
        if (b.Frames is { } frames) yield return ("board frames", frames.Note.Provenance);
    }

    private void Board()
    {
        if (_product.Board is not { } b) return;
        Heading("Board" + (b.Name is null ? "" : ": " + b.Name.Text));
        Line("What the board runtime decides around the engine (generated as `" + _engine.ProductId + "Board`; src/Rules.Runtime/Board takes its values from it). " +
             "The simulator column says what the simulator does, and why where it differs.").Line();
        if (b.Description is not null) Line(b.Description.Trim()).Line();

        Line("### Input modes").Line();
        Table(new[] { "mode", "default", "engine settings", "meaning", "provenance", "simulator" },
            b.Modes.Select(m => new[]
            {
                m.Name.Text, m.Default?.Text == "true" ? "yes" : "", string.Join(", ", m.Settings.Select(s => s.Name.Text + " = " + s.Value.Text)),
                m.Note.Description ?? "", Provenance(m.Note.Provenance), m.Note.Simulator ?? "",
            }));

        Line("### Inputs").Line();
        Line("Every engine input, and what feeds it on the board. In an input mode a binding does not apply to, the input reads NaN (a bool reads false).").Line();
        Table(new[] { "input", "fed by", "pin", "circuit or value", "mode", "meaning", "provenance" },
            b.Inputs.Select(i => new[]
            {
                i.Input.Text, i.Bind.Text, i.Pin?.Text ?? "",
                i.DividerTop is not null ? $"divider {i.DividerTop.Text} / {i.DividerBottom?.Text}" : i.Active is not null ? "active " + i.Active.Text : i.Value?.Text ?? "",
                i.Mode?.Text ?? "all", i.Note.Description ?? "", Provenance(i.Note.Provenance),
            }));

        Line("### Rules").Line();
        var rules = new List<string[]>();
        if (b.MultiOn is { } m) rules.Add(Rule("MultiOn", $"`{m.Input.Text}` by {m.Rule.Text}: a sync frame within {m.Within.Text}", m.Note));
        if (b.Control is { } c) rules.Add(Rule("control period", c.Period.Text, c.Note));
        if (b.Watchdog is { } w)
            rules.Add(Rule("watchdog", $"timeout {w.Timeout.Text}, reset at most every {w.ResetInterval.Text}, stall after {w.StallAfter.Text}, warm-up grace {w.WarmUp.Text}", w.Note));
        if (b.Adc is { } a) rules.Add(Rule("ADC", $"{a.Bits.Text} bits, {a.Reference.Text} full scale, clipped within {a.FullScaleMargin.Text} counts of it", a.Note));
        if (b.Frames is { } f) rules.Add(Rule("frames", $"on a flag change: {f.OnFlagChange.Text}; before the first cycle: {f.BeforeFirstCycle.Text}", f.Note));
        Table(new[] { "rule", "value", "meaning", "provenance", "simulator" }, rules);

        Line("### Fail-safe conversions").Line();
        Table(new[] { "reading", "engine reads", "meaning", "provenance", "simulator" },
            b.FailSafe.Select(x => new[] { x.Kind.Text, x.Reads.Text, x.Note.Description ?? "", Provenance(x.Note.Provenance), x.Note.Simulator ?? "" }));
    }

    private static string[] Rule(string name, string value, BoardNote note) =>
        new[] { name, value, note.Description ?? "", Provenance(note.Provenance), note.Simulator ?? "" };
}
