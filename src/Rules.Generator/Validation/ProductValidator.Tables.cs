using System.Collections.Generic;
using System.Text;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using BmsRules.Generator.Parsing;

namespace BmsRules.Generator.Validation;

// Truth tables (value tables and LEDs): every combination of the column conditions must be
// matched by exactly one row. The result is precomputed as a lookup with one entry per combination.
internal sealed partial class ProductValidator
{
    private const int MaxColumns = 12;

    private EquatableArray<ETable> Tables(EquatableArray<TableSpec> specs)
    {
        var result = new List<ETable>();
        foreach (var table in specs)
        {
            var name = table.Name.Text;
            var valueNames = new List<string>();
            var numericValues = new List<double>();
            var patterns = new List<EPattern>();
            UnitInfo? unit = null;

            if (table.IsLed) ReadPatterns(table, valueNames, patterns);
            else if (table.Unit is not null)
            {
                unit = _quantities.Unit(table.Unit, $"table '{name}'");
                if (table.Values.Count > 0)
                {
                    _d.Report(DiagnosticRules.InvalidValue, table.Values[0].Span, $"Table '{name}' has a unit, so its rows give quantities; remove 'values'");
                }
            }
            else
            {
                foreach (var value in table.Values) NewLocalName(value, "Value", valueNames, $"table '{name}'");
                if (table.Values.Count == 0) _d.Report(DiagnosticRules.MissingKey, table.Name.Span, $"Table '{name}'", "values (or unit)");
            }

            var columns = new List<EColumn>();
            var columnIndex = new Dictionary<string, int>(System.StringComparer.Ordinal);
            var columnNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                if (!NewLocalName(column.Name, "Column", columnNames, $"'{name}'")) continue;
                columnIndex.Add(column.Name.Text, columns.Count);
                columns.Add(new EColumn(column.Name.Text, _binder.Bind(column.When, BindPhase.Table, 0), column.When.Text));
            }
            if (columns.Count > MaxColumns)
            {
                _d.Report(DiagnosticRules.InvalidValue, table.Name.Span, $"Table '{name}' has {columns.Count} columns; at most {MaxColumns} are supported (split it)");
                continue;
            }

            // Each row: (mask of constrained columns, required bits, result index).
            var rows = new List<(int Mask, int Bits, int Result, RowSpec Spec)>();
            foreach (var row in table.Rows)
            {
                int mask = 0, bits = 0;
                var rowOk = true;
                foreach (var cell in row.Cells)
                {
                    if (!columnIndex.TryGetValue(cell.Column.Text, out var c))
                    {
                        _d.Report(DiagnosticRules.UnknownName, cell.Column.Span, cell.Column.Text, $"; table '{name}' has columns: {string.Join(", ", columnIndex.Keys)}");
                        rowOk = false;
                        continue;
                    }
                    bool value;
                    if (cell.Value.Text == "true") value = true;
                    else if (cell.Value.Text == "false") value = false;
                    else
                    {
                        _d.Report(DiagnosticRules.InvalidValue, cell.Value.Span, $"Row values are true or false, not '{cell.Value.Text}'");
                        rowOk = false;
                        continue;
                    }
                    mask |= 1 << c;
                    if (value) bits |= 1 << c;
                }

                var resultIndex = -1;
                if (unit is not null)
                {
                    var quantity = _quantities.In(row.Then, unit, $"a row of '{name}'");
                    if (quantity is not null)
                    {
                        resultIndex = numericValues.IndexOf(quantity.Value);
                        if (resultIndex < 0) { resultIndex = numericValues.Count; numericValues.Add(quantity.Value); }
                    }
                }
                else
                {
                    resultIndex = valueNames.IndexOf(row.Then.Text);
                    if (resultIndex < 0)
                    {
                        _d.Report(DiagnosticRules.UnknownName, row.Then.Span, row.Then.Text,
                            $"; '{name}' {(table.IsLed ? "has patterns" : "has values")}: {string.Join(", ", valueNames)}");
                    }
                }
                if (rowOk && resultIndex >= 0) rows.Add((mask, bits, resultIndex, row));
            }
            if (rows.Count != table.Rows.Count || columns.Count != table.Columns.Count) continue;

            var lookup = CheckCoverage(table, columns, rows);
            if (lookup is null) continue;
            result.Add(new ETable(name, table.IsLed, table.Label, table.Colour, unit?.Symbol, valueNames.ToEquatableArray(),
                numericValues.ToEquatableArray(), patterns.ToEquatableArray(), columns.ToEquatableArray(), lookup.ToEquatableArray(),
                Doc(table.Description, table.Provenance)));
        }
        return result.ToEquatableArray();
    }

    /// <summary>Builds the lookup, reporting the first missing and ambiguous combinations.</summary>
    private List<byte>? CheckCoverage(TableSpec table, List<EColumn> columns, List<(int Mask, int Bits, int Result, RowSpec Spec)> rows)
    {
        var lookup = new List<byte>();
        var missing = 0;
        var ambiguous = 0;
        for (var combination = 0; combination < 1 << columns.Count; combination++)
        {
            var match = -1;
            for (var r = 0; r < rows.Count; r++)
            {
                if ((combination & rows[r].Mask) != rows[r].Bits) continue;
                if (match >= 0)
                {
                    if (ambiguous++ < 3)
                    {
                        _d.Report(DiagnosticRules.TableAmbiguous, rows[r].Spec.Span, table.Name.Text, match + 1, r + 1, Describe(columns, combination));
                    }
                    continue;
                }
                match = r;
            }
            if (match < 0)
            {
                if (missing++ < 3) _d.Report(DiagnosticRules.TableIncomplete, table.Name.Span, table.Name.Text, Describe(columns, combination));
                lookup.Add(0);
                continue;
            }
            lookup.Add((byte)rows[match].Result);
        }
        return missing > 0 || ambiguous > 0 ? null : lookup;
    }

    private static string Describe(List<EColumn> columns, int combination)
    {
        var text = new StringBuilder();
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) text.Append(", ");
            text.Append(columns[c].Name).Append('=').Append((combination & (1 << c)) != 0 ? "true" : "false");
        }
        return text.ToString();
    }

    private void ReadPatterns(TableSpec table, List<string> names, List<EPattern> patterns)
    {
        if (table.Patterns.Count == 0) _d.Report(DiagnosticRules.MissingKey, table.Name.Span, $"LED '{table.Name.Text}'", "patterns");
        foreach (var pattern in table.Patterns)
        {
            if (!NewLocalName(pattern.Name, "Pattern", names, $"'{table.Name.Text}'")) continue;
            if (pattern.Period is null && pattern.OnFor is null)
            {
                // A steady pattern: dark when named Off, lit otherwise.
                patterns.Add(new EPattern(pattern.Name.Text, 0, 0, pattern.Name.Text != "Off"));
                continue;
            }
            if (pattern.Period is null || pattern.OnFor is null)
            {
                _d.Report(DiagnosticRules.MissingKey, pattern.Name.Span, $"Blink pattern '{pattern.Name.Text}'", pattern.Period is null ? "period" : "on_for");
                continue;
            }
            var period = PatternTime(pattern.Period);
            var on = PatternTime(pattern.OnFor);
            if (period is null || on is null) continue;
            if (on >= period)
            {
                _d.Report(DiagnosticRules.InvalidValue, pattern.OnFor.Span, $"Pattern '{pattern.Name.Text}' on_for must be shorter than its period");
                continue;
            }
            patterns.Add(new EPattern(pattern.Name.Text, period.Value, on.Value, true));
        }
    }

    private long? PatternTime(Located text)
    {
        if (QuantityParser.TrySplit(text.Text, out _, out _)) return _quantities.Duration(text, text.Text);
        var timer = _symbols.Expect(text, SymbolKind.Timer, "a timer name or a duration");
        return timer is null ? null : TimerMs(timer.Index);
    }
}
