using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace BmsRules.Generator.Tests.Schema;

/// <summary>
/// spec/rules.schema.json (draft-07, used by editors through the yaml-language-server line at the top
/// of rules.yaml) accepts the real spec and the fixture, and rejects what the parser rejects as structure.
/// </summary>
public class SpecSchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "spec", "rules.schema.json");

    [Fact]
    public async Task Rules_spec_is_valid_against_the_schema()
    {
        var errors = await Validate(SpecFiles.ReadRules());
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task Minimal_spec_is_valid_against_the_schema()
    {
        var errors = await Validate(MinimalSpec.Text);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task Modules_fixture_with_documents_overrides_and_a_machine_extension_is_valid_against_the_schema()
    {
        var errors = await Validate(ModulesSpec.Text);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task Machine_that_neither_states_an_initial_state_nor_extends_fails_schema_validation()
    {
        var errors = await Validate(ModulesSpec.With("        extend: true\n", ""));
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NotAnyOf);
    }

    [Fact]
    public async Task Behaviour_catalogue_is_valid_against_its_schema_and_the_schema_describes_every_key()
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "catalogue.schema.json")));
        var errors = schema.Validate(YamlToJson.Convert(SpecFiles.Catalogue().Text)).SelectMany(Flatten).ToList();
        Assert.True(errors.Count == 0, Describe(errors));

        var undescribed = new List<string>();
        Collect(schema, "#", undescribed, new HashSet<JsonSchema>());
        Assert.True(undescribed.Count == 0, "Keys without a description:\n" + string.Join("\n", undescribed));
        Assert.StartsWith("# yaml-language-server: $schema=catalogue.schema.json", SpecFiles.Catalogue().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_spec_names_the_schema_for_editors()
    {
        Assert.StartsWith("# yaml-language-server: $schema=rules.schema.json", SpecFiles.ReadRules(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_key_in_an_output_fails_schema_validation()
    {
        var spec = SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "        label: Pre-alarm\n", "        label: Pre-alarm\n        colour: red\n");

        var errors = await Validate(spec);

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Path == "#/products[0].outputs[2].colour");
    }

    [Theory]
    [InlineData("type: bool\n        description: Remote L", "type: switch\n        description: Remote L")]
    [InlineData("severity: warning\n        text: Cell voltage low", "severity: notice\n        text: Cell voltage low")]
    [InlineData("{ id: V2-01, by: engine }", "{ id: V2-01, by: firmware }")]
    [InlineData("format: bmsrules/1", "format: bmsrules/2")]
    public async Task Value_outside_its_enumeration_fails_schema_validation(string find, string replacement)
    {
        var errors = await Validate(SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), find, replacement));
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NotInEnumeration);
    }

    [Fact]
    public async Task Threshold_without_a_release_fails_schema_validation()
    {
        var errors = await Validate(MinimalSpec.Without("        release: \">= 3.4 V\"\n"));
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PropertyRequired && e.Path == "#/products[0].thresholds[0].release");
    }

    [Fact]
    public async Task Schema_describes_every_key_the_parser_accepts()
    {
        var schema = await Schema.Value;
        var undescribed = new List<string>();
        Collect(schema, "#", undescribed, new HashSet<JsonSchema>());
        Assert.True(undescribed.Count == 0, "Keys without a description:\n" + string.Join("\n", undescribed));
        Assert.False(schema.AllowAdditionalProperties);
    }

    private static void Collect(JsonSchema schema, string path, List<string> undescribed, HashSet<JsonSchema> seen)
    {
        var actual = schema.ActualSchema;
        if (!seen.Add(actual)) return;
        foreach (var (name, property) in actual.Properties)
        {
            if (string.IsNullOrWhiteSpace(property.Description) && string.IsNullOrWhiteSpace(property.ActualSchema.Description)) undescribed.Add($"{path}/{name}");
            Collect(property.ActualSchema, $"{path}/{name}", undescribed, seen);
        }
        if (actual.Item is { } item) Collect(item.ActualSchema, path + "[]", undescribed, seen);
        foreach (var option in actual.AnyOf) Collect(option.ActualSchema, path, undescribed, seen);
    }

    /// <summary>Every validation error, with the nested ones (errors inside array items and sub-schemas) flattened.</summary>
    private static async Task<List<ValidationError>> Validate(string yaml)
    {
        var errors = (await Schema.Value).Validate(YamlToJson.Convert(yaml));
        return errors.SelectMany(Flatten).ToList();
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error)
    {
        yield return error;
        if (error is not ChildSchemaValidationError child) yield break;
        foreach (var nested in child.Errors.Values.SelectMany(e => e).SelectMany(Flatten)) yield return nested;
    }

    private static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}"));
}
