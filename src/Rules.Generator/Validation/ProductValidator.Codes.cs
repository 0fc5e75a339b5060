using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// Codes: ids and names are unique, severities known, and each code can be raised (by its own
// condition or by an invalid input/setting that names it).
internal sealed partial class ProductValidator
{
    private const int MaxCodes = 64;

    private void IndexCodes()
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < _product.Codes.Count; i++)
        {
            var code = _product.Codes[i];
            if (!IsCodeId(code.Id.Text))
            {
                _d.Report(DiagnosticRules.InvalidValue, code.Id.Span, $"Code id '{code.Id.Text}' must be capital letters, digits and '-' (e.g. E01, W-B05)");
            }
            else if (_codeIndex.ContainsKey(code.Id.Text))
            {
                _d.Report(DiagnosticRules.DuplicateName, code.Id.Span, code.Id.Text, "a code id");
            }
            else _codeIndex.Add(code.Id.Text, i);

            if (!Identifiers.IsValid(code.Name.Text))
            {
                _d.Report(DiagnosticRules.InvalidValue, code.Name.Span, $"Code name '{code.Name.Text}' must start with a capital letter and use letters and digits");
            }
            else if (!names.Add(code.Name.Text))
            {
                _d.Report(DiagnosticRules.DuplicateName, code.Name.Span, code.Name.Text, "a code name");
            }
        }
        if (_product.Codes.Count > MaxCodes)
        {
            _d.Report(DiagnosticRules.InvalidValue, _product.Codes[MaxCodes].Id.Span, $"At most {MaxCodes} codes are supported");
        }
    }

    private static bool IsCodeId(string id)
    {
        if (id.Length == 0 || id[0] < 'A' || id[0] > 'Z') return false;
        foreach (var c in id)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }

    private EquatableArray<ECode> Codes()
    {
        var raisedByInvalid = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var input in _product.Inputs) if (input.InvalidCode is not null) raisedByInvalid.Add(input.InvalidCode.Text);
        foreach (var setting in _product.Settings) if (setting.InvalidCode is not null) raisedByInvalid.Add(setting.InvalidCode.Text);

        var result = new List<ECode>();
        foreach (var code in _product.Codes)
        {
            CodeSeverity severity;
            switch (code.Severity.Text)
            {
                case "error": severity = CodeSeverity.Error; break;
                case "alarm": severity = CodeSeverity.Alarm; break;
                case "warning": severity = CodeSeverity.Warning; break;
                case "info": severity = CodeSeverity.Info; break;
                default:
                    if (code.Severity.Text.Length > 0)
                    {
                        _d.Report(DiagnosticRules.InvalidValue, code.Severity.Span, $"Severity must be error, alarm, warning or info, not '{code.Severity.Text}'");
                    }
                    continue;
            }
            var when = code.When is null ? null : _binder.Bind(code.When, BindPhase.Code, 0);
            if (when is null && !raisedByInvalid.Contains(code.Id.Text))
            {
                _d.Report(DiagnosticRules.CodeNeverRaised, code.Id.Span, code.Id.Text);
            }
            result.Add(new ECode(code.Id.Text, code.Name.Text, severity, code.Text.Trim(), when, code.When?.Text, Doc(null, code.Provenance)));
        }
        return result.ToEquatableArray();
    }
}
