using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using BmsRules.Simulation.Scenarios;
using BmsRules.Simulation.Scenarios.Running;
using BmsRules.Simulation;

namespace BmsRules.Simulation.Output;

/// <summary>
/// A hand-written SVG of a run: lowest/highest cell voltage with the BMS's levels, state of charge,
/// bank current, temperature, the BMS outputs and flags as logic traces and the Multi's state as a
/// band; pre-alarm, load-disconnect and charge-disconnect moments are marked across all panels.
/// </summary>
internal static class SvgPlotWriter
{
    private const double Width = 1280;
    private const double Left = 150;
    private const double Right = 30;
    private const double PlotWidth = Width - Left - Right;
    private const double PanelGap = 34;
    private const double TraceHeight = 24;

    private static readonly Dictionary<string, string> MultiColours = new(StringComparer.Ordinal)
    {
        ["Off"] = "#bdbdbd", ["LowPower"] = "#9e9e9e", ["Inverting"] = "#42a5f5", ["PassThru"] = "#aed581",
        ["Charging"] = "#43a047", ["ChargerOnly"] = "#26a69a", ["ReducedCharging"] = "#fdd835", ["Emergency"] = "#fb8c00", ["Error"] = "#e53935", ["Unsupported"] = "#8e24aa",
    };

    public static void Write(string path, RunResult result, PlotRecorder plot) => AtomicFile.WriteAllText(path, Render(result, plot));

    public static string Render(RunResult result, PlotRecorder plot)
    {
        var s = result.Scenario;
        var duration = Math.Max(1, result.SimulatedMs);
        var digital = DigitalTraces(result);
        var sb = new StringBuilder();
        var y = 78.0;
        var panels = new List<(string Title, double Top, double Height)>();

        // Layout first, so the total height is known.
        (string, double) Panel(string title, double height)
        {
            var top = y + 18;
            panels.Add((title, top, height));
            y = top + height + PanelGap;
            return (title, top);
        }
        var volts = Panel("Cell voltage (V): lowest and highest cell", 210);
        var soc = Panel("State of charge (%)", 110);
        var amps = Panel("Bank current (A, + = charging)", 110);
        var temp = Panel("Battery temperature (°C)", 90);
        var logicHeight = TraceHeight * (digital.Count + 1) + 6;
        var logic = Panel("BMS outputs and VE.Bus flags, Multi state", logicHeight);
        var height = y + 40;

        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height:0}\" viewBox=\"0 0 {Width} {height:0}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n"));
        sb.Append(F($"<rect width=\"{Width}\" height=\"{height:0}\" fill=\"white\"/>\n"));
        sb.Append(F($"<text x=\"{Left}\" y=\"26\" font-size=\"18\" font-weight=\"bold\">{Esc(s.Name)}</text>\n"));
        var bank = s.System.Bank;
        var verdict = s.Expectations.Count == 0 ? "no expectations" : result.Passed ? $"all {s.Expectations.Count} expectations hold" : $"{result.Failed.Count()} of {s.Expectations.Count} expectations failed";
        sb.Append(F($"<text x=\"{Left}\" y=\"46\" fill=\"#555\">{Esc(s.Product.DisplayName)} · {bank.Series} × {bank.Parallel} {Esc(bank.Battery.Describe())} · {Esc(TimeText.Span(result.SimulatedMs))} · {Esc(verdict)}</text>\n"));
        Legend(sb, 64);

        foreach (var (title, top, h) in panels)
        {
            sb.Append(F($"<text x=\"{Left}\" y=\"{top - 6:0.#}\" font-weight=\"bold\" fill=\"#333\">{Esc(title)}</text>\n"));
            sb.Append(F($"<rect x=\"{Left}\" y=\"{top:0.#}\" width=\"{PlotWidth}\" height=\"{h:0.#}\" fill=\"#fafafa\" stroke=\"#999\"/>\n"));
        }
        var lastPanel = panels[^1];
        TimeAxis(sb, duration, panels[0].Top, lastPanel.Top + lastPanel.Height);

        var n = plot.Count;
        var t = plot.Time;
        // Voltage panel: range covers the data and the BMS's levels.
        var vMin = Math.Min(2.6, Min(plot.CellMin, n));
        var vMax = Math.Max(3.7, Math.Min(5.2, Max(plot.CellMax, n)));
        if (Max(plot.CellMax, n) >= 3.9) vMax = Math.Max(vMax, 4.2);
        var vPanel = panels[0];
        (vMin, vMax, var vStep) = Nice(vMin, vMax);
        YAxis(sb, vPanel.Top, vPanel.Height, vMin, vMax, vStep, "0.0#");
        Guide(sb, vPanel.Top, vPanel.Height, vMin, vMax, 2.8, "#c62828", "2.8 V low cell");
        if (!double.IsNaN(plot.PreAlarmLevel)) Guide(sb, vPanel.Top, vPanel.Height, vMin, vMax, plot.PreAlarmLevel, "#ef6c00", F($"{plot.PreAlarmLevel:0.00} V pre-alarm"));
        if (vMax >= 4.0) Guide(sb, vPanel.Top, vPanel.Height, vMin, vMax, 4.0, "#6a1b9a", "4.0 V high cell");
        Series(sb, t, plot.CellMin, n, duration, vPanel.Top, vPanel.Height, vMin, vMax, "#1565c0");
        Series(sb, t, plot.CellMax, n, duration, vPanel.Top, vPanel.Height, vMin, vMax, "#c62828");

        var sPanel = panels[1];
        var sMin = Math.Min(0, Min(plot.Soc, n));
        // Cells pushed a little past full should not stretch the axis to 150 %.
        var sMax = Max(plot.Soc, n) <= 102 ? 100 : Max(plot.Soc, n);
        (sMin, sMax, var sStep) = Nice(sMin, sMax);
        YAxis(sb, sPanel.Top, sPanel.Height, sMin, sMax, sStep, "0");
        Series(sb, t, plot.Soc, n, duration, sPanel.Top, sPanel.Height, sMin, sMax, "#2e7d32");

        var aPanel = panels[2];
        var aMin = Math.Min(-1, Min(plot.Current, n));
        var aMax = Math.Max(1, Max(plot.Current, n));
        (aMin, aMax, var aStep) = Nice(aMin, aMax);
        YAxis(sb, aPanel.Top, aPanel.Height, aMin, aMax, aStep, "0.##");
        Guide(sb, aPanel.Top, aPanel.Height, aMin, aMax, 0, "#757575", "");
        Series(sb, t, plot.Current, n, duration, aPanel.Top, aPanel.Height, aMin, aMax, "#6d4c41");

        var tPanel = panels[3];
        var tMin = Min(plot.Temperature, n);
        var tMax = Max(plot.Temperature, n);
        var mid = (tMin + tMax) / 2;
        if (tMax - tMin < 10) { tMin = mid - 5; tMax = mid + 5; }
        (tMin, tMax, var tStep) = Nice(tMin - 1, tMax + 1);
        YAxis(sb, tPanel.Top, tPanel.Height, tMin, tMax, tStep, "0.#");
        if (5 > tMin && 5 < tMax) Guide(sb, tPanel.Top, tPanel.Height, tMin, tMax, 5, "#0277bd", "5 °C charge limit");
        Series(sb, t, plot.Temperature, n, duration, tPanel.Top, tPanel.Height, tMin, tMax, "#00838f");

        Logic(sb, result, plot, digital, duration, panels[4].Top);
        Markers(sb, result, duration, panels[0].Top, lastPanel.Top + lastPanel.Height);
        ScenarioTicks(sb, result, duration, lastPanel.Top + lastPanel.Height);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static List<string> DigitalTraces(RunResult result)
    {
        var names = new List<string>();
        foreach (var o in result.Scenario.Product.Outputs) names.Add("output." + o.Name);
        foreach (var f in result.Scenario.Product.Flags)
        {
            if (f.Name is "AllowToCharge" or "AllowToDischarge" or "ChargeReduction" or "HoldMultiLowPower") names.Add("flag." + f.Name);
        }
        return names;
    }

    private static void Legend(StringBuilder sb, double y)
    {
        var items = new (string Colour, string Text, bool Dashed)[]
        {
            ("#1565c0", "lowest cell", false), ("#c62828", "highest cell", false), ("#ef6c00", "pre-alarm raised", true),
            ("#d50000", "loads disconnected", true), ("#6a1b9a", "chargers disconnected", true), ("#00acc1", "scenario event", false),
        };
        var x = Left;
        foreach (var (colour, text, dashed) in items)
        {
            var dash = dashed ? " stroke-dasharray=\"5,3\"" : "";
            sb.Append(F($"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 22}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>"));
            sb.Append(F($"<text x=\"{x + 27}\" y=\"{y}\" fill=\"#333\">{text}</text>\n"));
            x += 40 + text.Length * 7;
        }
    }

    private static void TimeAxis(StringBuilder sb, long duration, double top, double bottom)
    {
        var step = TickStep(duration);
        for (long ms = 0; ms <= duration; ms += step)
        {
            var x = X(ms, duration);
            sb.Append(F($"<line x1=\"{x:0.#}\" y1=\"{top:0.#}\" x2=\"{x:0.#}\" y2=\"{bottom:0.#}\" stroke=\"#e0e0e0\"/>"));
            sb.Append(F($"<text x=\"{x:0.#}\" y=\"{bottom + 16:0.#}\" text-anchor=\"middle\" fill=\"#555\">{TickLabel(ms, step)}</text>\n"));
        }
        sb.Append(F($"<text x=\"{Left + PlotWidth:0.#}\" y=\"{bottom + 32:0.#}\" text-anchor=\"end\" fill=\"#555\">simulated time</text>\n"));
    }

    private static long TickStep(long duration)
    {
        long[] steps = { 1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 432_000_000, 604_800_000 };
        foreach (var s in steps)
        {
            if (duration / s <= 14) return s;
        }
        return 2_592_000_000;
    }

    private static string TickLabel(long ms, long step)
    {
        var days = ms / 86_400_000;
        var h = ms / 3_600_000 % 24;
        var m = ms / 60_000 % 60;
        if (step < 60_000) return F($"{ms / 60_000}:{ms / 1000 % 60:00}");
        if (step >= 86_400_000) return F($"day {days}");
        return days > 0 ? F($"{days}d {h:00}:{m:00}") : F($"{h:00}:{m:00}");
    }

    /// <summary>Widens [min, max] to multiples of a 1-2-5 step giving at most six intervals.</summary>
    private static (double Min, double Max, double Step) Nice(double min, double max)
    {
        if (!(max > min)) max = min + 1;
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = magnitude * (raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10);
        return (Math.Floor(min / step + 1e-9) * step, Math.Ceiling(max / step - 1e-9) * step, step);
    }

    private static void YAxis(StringBuilder sb, double top, double height, double min, double max, double step, string format)
    {
        for (var v = min; v <= max + step * 1e-6; v += step)
        {
            var y = Y(v, top, height, min, max);
            sb.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + PlotWidth}\" y2=\"{y:0.#}\" stroke=\"#eeeeee\"/>"));
            sb.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#555\">{v.ToString(format, CultureInfo.InvariantCulture)}</text>\n"));
        }
    }

    private static void Guide(StringBuilder sb, double top, double height, double min, double max, double value, string colour, string label)
    {
        if (value < min || value > max) return;
        var y = Y(value, top, height, min, max);
        sb.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.##}\" x2=\"{Left + PlotWidth}\" y2=\"{y:0.##}\" stroke=\"{colour}\" stroke-dasharray=\"2,3\"/>"));
        if (label.Length > 0) sb.Append(F($"<text x=\"{Left + PlotWidth - 4}\" y=\"{y - 3:0.##}\" text-anchor=\"end\" font-size=\"10\" fill=\"{colour}\">{Esc(label)}</text>"));
        sb.Append('\n');
    }

    private static void Series(StringBuilder sb, double[] t, double[] v, int n, long duration, double top, double height, double min, double max, string colour)
    {
        if (n == 0) return;
        sb.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\""));
        for (var i = 0; i < n; i++)
        {
            var value = Math.Clamp(v[i], min, max);
            sb.Append(F($"{X(t[i], duration):0.#},{Y(value, top, height, min, max):0.#} "));
        }
        sb.Append("\"/>\n");
    }

    private static void Logic(StringBuilder sb, RunResult result, PlotRecorder plot, List<string> traces, long duration, double top)
    {
        var row = 0;
        foreach (var name in traces)
        {
            var y0 = top + 4 + row * TraceHeight;
            var hi = y0 + 4;
            var lo = y0 + TraceHeight - 6;
            var label = name.Substring(name.IndexOf('.') + 1);
            sb.Append(F($"<text x=\"{Left - 6}\" y=\"{y0 + TraceHeight / 2 + 3:0.#}\" text-anchor=\"end\" fill=\"#333\">{Esc(label)}</text>"));
            var level = plot.Initial.TryGetValue(name, out var init) && IsOn(init);
            var points = new StringBuilder();
            points.Append(F($"{X(0, duration):0.#},{(level ? hi : lo):0.#} "));
            foreach (var e in result.Events)
            {
                if (e.Kind != SimEventKind.Change || e.Name != name) continue;
                var x = X(e.TimeMs, duration);
                points.Append(F($"{x:0.#},{(level ? hi : lo):0.#} "));
                level = IsOn(e.To);
                points.Append(F($"{x:0.#},{(level ? hi : lo):0.#} "));
            }
            points.Append(F($"{X(duration, duration):0.#},{(level ? hi : lo):0.#}"));
            var colour = name.StartsWith("output.", StringComparison.Ordinal) ? "#283593" : "#00695c";
            sb.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" points=\"{points}\"/>\n"));
            row++;
        }

        // The Multi's state as coloured segments.
        var yb = top + 4 + row * TraceHeight;
        sb.Append(F($"<text x=\"{Left - 6}\" y=\"{yb + TraceHeight / 2 + 3:0.#}\" text-anchor=\"end\" fill=\"#333\">Multi</text>"));
        var state = plot.Initial.TryGetValue("multi.state", out var s0) ? s0 : "Off";
        long from = 0;
        void Segment(long to)
        {
            var x1 = X(from, duration);
            var x2 = X(to, duration);
            if (x2 - x1 < 0.2) return;
            var fill = MultiColours.TryGetValue(state, out var c) ? c : "#bdbdbd";
            sb.Append(F($"<rect x=\"{x1:0.##}\" y=\"{yb + 3:0.#}\" width=\"{x2 - x1:0.##}\" height=\"{TraceHeight - 8}\" fill=\"{fill}\"><title>{Esc(state)} {TimeText.Clock(from)} – {TimeText.Clock(to)}</title></rect>"));
            if (x2 - x1 > state.Length * 6.5 + 6)
            {
                sb.Append(F($"<text x=\"{x1 + 3:0.##}\" y=\"{yb + TraceHeight / 2 + 3:0.#}\" font-size=\"10\" fill=\"#212121\">{Esc(state)}</text>"));
            }
            sb.Append('\n');
        }
        foreach (var e in result.Events)
        {
            if (e.Kind != SimEventKind.Change || e.Name != "multi.state") continue;
            Segment(e.TimeMs);
            from = e.TimeMs;
            state = e.To;
        }
        Segment(duration);
    }

    private static void Markers(StringBuilder sb, RunResult result, long duration, double top, double bottom)
    {
        var marks = new List<(long Time, string Colour, string Text)>();
        foreach (var e in result.Events)
        {
            if (e.Kind != SimEventKind.Change) continue;
            if (e.Name == "output.PreAlarm" && e.To == "High") marks.Add((e.TimeMs, "#ef6c00", "pre-alarm"));
            else if (e.Name == "output.LoadDisconnect" && e.To == "Floating") marks.Add((e.TimeMs, "#d50000", "loads off"));
            else if (e.Name == "output.ChargeDisconnect" && e.To == "Floating") marks.Add((e.TimeMs, "#6a1b9a", "chargers off"));
        }
        var labelled = marks.Count <= 40;
        foreach (var (time, colour, text) in marks)
        {
            var x = X(time, duration);
            sb.Append(F($"<line x1=\"{x:0.##}\" y1=\"{top:0.#}\" x2=\"{x:0.##}\" y2=\"{bottom:0.#}\" stroke=\"{colour}\" stroke-width=\"1.2\" stroke-dasharray=\"5,3\"><title>{text} at {TimeText.Clock(time)}</title></line>"));
            if (labelled)
            {
                sb.Append(F($"<text transform=\"translate({x + 3:0.##},{top + 4:0.#}) rotate(90)\" font-size=\"10\" fill=\"{colour}\">{text} {TimeText.Clock(time)}</text>"));
            }
            sb.Append('\n');
        }
    }

    private static void ScenarioTicks(StringBuilder sb, RunResult result, long duration, double bottom)
    {
        foreach (var e in result.Events)
        {
            if (e.Kind != SimEventKind.Scenario) continue;
            var x = X(e.TimeMs, duration);
            sb.Append(F($"<path d=\"M{x:0.##},{bottom + 1:0.#} l-4,7 h8 z\" fill=\"#00acc1\"><title>{TimeText.Clock(e.TimeMs)} {Esc(e.To)}</title></path>\n"));
        }
    }

    private static bool IsOn(string value) => value is "High" or "true";

    private static double X(double ms, long duration) => Left + PlotWidth * ms / duration;

    private static double Y(double v, double top, double height, double min, double max) => top + height - height * (v - min) / (max - min);

    private static double Min(double[] a, int n)
    {
        var m = double.MaxValue;
        for (var i = 0; i < n; i++) m = Math.Min(m, a[i]);
        return n == 0 ? 0 : m;
    }

    private static double Max(double[] a, int n)
    {
        var m = double.MinValue;
        for (var i = 0; i < n; i++) m = Math.Max(m, a[i]);
        return n == 0 ? 1 : m;
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
