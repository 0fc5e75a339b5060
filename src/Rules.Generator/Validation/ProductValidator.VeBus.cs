using System.Collections.Generic;
using System.Globalization;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// The VE.Bus BMS frame: its layout is not public, so the section must say provisional: true.
// Fields are flag bits or little-endian constants; no two may share a bit.
internal sealed partial class ProductValidator
{
    private const int MaxPayload = 32;

    private EVeBus? VeBus()
    {
        var spec = _product.VeBus;
        if (spec is null) return null;
        // Provisional = the layout rests on assumptions. Only a layout whose every part has a source (a bus
        // capture) may say 'provisional: false'.
        var confirmed = spec.Provisional?.Text == "false" && string.IsNullOrWhiteSpace(spec.Provenance.Assumption) && spec.Provenance.Sources.Count > 0;
        if (spec.Provisional?.Text != "true" && !confirmed)
        {
            _d.Report(DiagnosticRules.InvalidValue, spec.Provisional?.Span ?? spec.Span,
                "The VE.Bus BMS frame is not public (see vebus.md): the section must say 'provisional: true' while it rests on an assumption; " +
                "'provisional: false' needs sources only (e.g. the bus capture that confirmed it)");
        }

        var address = Address(spec.Address);
        var command = Byte(spec.Command, "command");
        var sendWhen = _symbols.Expect(spec.SendWhen, SymbolKind.Flag, "a flag")?.Index ?? -1;
        var lowPowerWhen = _symbols.Expect(spec.LowPowerWhen, SymbolKind.Flag, "a flag")?.Index ?? -1;
        var normal = _symbols.Expect(spec.NormalInterval, SymbolKind.Timer, "a timer name");
        var lowPower = _symbols.Expect(spec.LowPowerInterval, SymbolKind.Timer, "a timer name");

        var fields = new List<EVeBusField>();
        var used = new Dictionary<int, string>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var length = 0;
        foreach (var field in spec.Fields)
        {
            if (!NewLocalName(field.Name, "Field", names, "the vebus section")) continue;
            var at = Integer(field.Byte, 0, MaxPayload - 1, "byte");
            if (at is null) continue;
            if ((field.Flag is null) == (field.Value is null))
            {
                _d.Report(DiagnosticRules.InvalidValue, field.Name.Span, $"Field '{field.Name.Text}' has either 'flag' (one bit) or 'value' (a constant), not both or neither");
                continue;
            }

            if (field.Flag is not null)
            {
                var flag = _symbols.Expect(field.Flag, SymbolKind.Flag, "a flag");
                var bit = field.Bit is null ? null : Integer(field.Bit, 0, 7, "bit");
                if (field.Bit is null) _d.Report(DiagnosticRules.MissingKey, field.Name.Span, $"Flag field '{field.Name.Text}'", "bit");
                if (flag is null || bit is null) continue;
                if (!Claim(used, at.Value * 8 + bit.Value, field)) continue;
                fields.Add(new EVeBusField(field.Name.Text, flag.Index, 0, at.Value, bit.Value, 0));
                length = System.Math.Max(length, at.Value + 1);
                continue;
            }

            var bytes = field.Bytes is null ? null : Integer(field.Bytes, 1, 8, "bytes");
            if (field.Bytes is null) _d.Report(DiagnosticRules.MissingKey, field.Name.Span, $"Value field '{field.Name.Text}'", "bytes");
            if (!long.TryParse(field.Value!.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                _d.Report(DiagnosticRules.InvalidValue, field.Value.Span, $"Field value '{field.Value.Text}' must be a whole number ≥ 0");
                continue;
            }
            if (bytes is null) continue;
            if (bytes.Value < 8 && value >= 1L << (8 * bytes.Value))
            {
                _d.Report(DiagnosticRules.InvalidValue, field.Value.Span, $"{value} does not fit in {bytes.Value} byte(s)");
                continue;
            }
            if (at.Value + bytes.Value > MaxPayload)
            {
                _d.Report(DiagnosticRules.InvalidValue, field.Bytes!.Span, $"Field '{field.Name.Text}' ends beyond the {MaxPayload}-byte payload limit");
                continue;
            }
            var ok = true;
            for (var b = 0; b < bytes.Value * 8 && ok; b++) ok = Claim(used, at.Value * 8 + b, field);
            if (!ok) continue;
            fields.Add(new EVeBusField(field.Name.Text, -1, value, at.Value, -1, bytes.Value));
            length = System.Math.Max(length, at.Value + bytes.Value);
        }
        if (spec.Fields.Count == 0) _d.Report(DiagnosticRules.MissingKey, spec.Span, "The vebus section", "fields");

        Require("VE.Bus section", new Located("vebus", spec.Address.Span), spec.Provenance);
        if (address is null || command is null || normal is null || lowPower is null) return null;
        return new EVeBus(spec.Provisional?.Text == "true", spec.Description?.Trim(), address.Value.High, address.Value.Low, command.Value,
            sendWhen, lowPowerWhen, TimerMs(normal.Index), TimerMs(lowPower.Index), length, fields.ToEquatableArray(),
            Doc(spec.Description, spec.Provenance));
    }

    private bool Claim(Dictionary<int, string> used, int bit, VeBusFieldSpec field)
    {
        if (used.TryGetValue(bit, out var owner))
        {
            _d.Report(DiagnosticRules.Overlap, field.Name.Span, field.Name.Text, owner, $"both use byte {bit / 8} bit {bit % 8}");
            return false;
        }
        used.Add(bit, field.Name.Text);
        return true;
    }

    private (byte High, byte Low)? Address(Located text)
    {
        var parts = text.Text.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && byte.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var high)
            && byte.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var low))
        {
            return (high, low);
        }
        _d.Report(DiagnosticRules.InvalidValue, text.Span, $"An address is two hex bytes, e.g. \"83 83\", not '{text.Text}'");
        return null;
    }

    private byte? Byte(Located text, string what)
    {
        var value = text.Text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
            ? (int.TryParse(text.Text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : -1)
            : (int.TryParse(text.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var dec) ? dec : -1);
        if (value is >= 0 and <= 255) return (byte)value;
        _d.Report(DiagnosticRules.InvalidValue, text.Span, $"'{what}' must be a byte (0–255 or 0x00–0xFF), not '{text.Text}'");
        return null;
    }

    private int? Integer(Located text, int min, int max, string what)
    {
        if (int.TryParse(text.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        _d.Report(DiagnosticRules.InvalidValue, text.Span, $"'{what}' must be a whole number from {min} to {max}, not '{text.Text}'");
        return null;
    }
}
