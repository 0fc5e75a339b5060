using System.Linq;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;
using BmsRules.Generator.Tests.Support;
using BmsRules.Testing;
using Xunit;

namespace BmsRules.Generator.Tests.Modules;

/// <summary>
/// Sources cite declared documents (by short name or file name), and covered ids come from the behaviour
/// catalogue the spec names: every problem with either is a located diagnostic.
/// </summary>
public class DocumentAndCatalogueDiagnosticTests
{
    [Fact]
    [Trait("Diagnostic", "BMS029")]
    public void A_misspelt_short_document_name_is_reported_at_it_with_a_suggestion()
    {
        var spec = ModulesSpec.With("source: \"Cell-sheet §2 Voltage range\"", "source: \"Cell-shet §2 Voltage range\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS029", TextPosition.Of(spec, "Cell-shet"));
        Assert.Equal("A source begins with the document it cites, a short name from documents: (Cell-sheet, Bms-manual) or its file name, not 'Cell-shet' (did you mean 'Cell-sheet'?)",
            diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS029")]
    public void A_file_that_documents_does_not_declare_is_reported_where_it_is_cited_after_a_semicolon()
    {
        var spec = ModulesSpec.With("source: \"Bms-manual §4 Switching off; Cell-sheet §4\"", "source: \"Bms-manual §4 Switching off; cell-datashet.txt §4\"");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS029", TextPosition.Of(spec, "cell-datashet.txt"));
        Assert.Equal("'cell-datashet.txt' is not a declared document; add it to documents: (id, file, title) (did you mean 'cell-datasheet.txt'?)", diagnostic.Message);
    }

    [Fact]
    public void A_declared_file_name_cites_its_document_as_well_as_its_short_name()
    {
        var spec = ModulesSpec.With("source: \"Cell-sheet §2 Voltage range\"", "source: \"cell-datasheet.txt §2 Voltage range\"");
        var diagnostics = SpecCheck.Diagnostics(spec, ModulesSpec.FileName);
        Assert.True(diagnostics.Count == 0, DiagnosticAssert.Describe(spec, diagnostics));
    }

    [Fact]
    public void Without_documents_sources_are_free_text_as_before()
    {
        var spec = MinimalSpec.With("source: \"fixture.txt §1 Enable switch\"", "source: \"anything at all\"");
        Assert.Empty(SpecCheck.Diagnostics(spec));
    }

    [Fact]
    [Trait("Diagnostic", "BMS015")]
    public void Two_documents_with_one_short_name_are_a_duplicate_at_the_second()
    {
        var spec = ModulesSpec.With("\nmodules:\n", "  - { id: Cell-sheet, file: cell-datasheet-2.txt }\n\nmodules:\n");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS015", TextPosition.Of(spec, "id: Cell-sheet, file: cell-datasheet-2", at: "Cell-sheet"));
        Assert.Equal($"'Cell-sheet' is already defined (as a document at line {TextPosition.Of(spec, "id: Cell-sheet, file: cell-datasheet.txt").Line})", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS020")]
    public void A_short_document_name_that_is_not_letters_digits_and_dashes_is_an_invalid_value()
    {
        var spec = ModulesSpec.With("id: Cell-sheet,", "id: Cell sheet,").Replace("\"Cell-sheet §", "\"cell-datasheet.txt §").Replace("; Cell-sheet §4", "; cell-datasheet.txt §4");
        DiagnosticAssert.Single(spec, "BMS020", TextPosition.Of(spec, "Cell sheet"));
    }

    [Fact]
    [Trait("Diagnostic", "BMS018")]
    public void A_product_catalogue_id_that_the_behaviour_catalogue_lacks_is_reported_at_it()
    {
        var spec = SpecFiles.ReplaceOnce(SpecFiles.ReadRules(), "{ id: V2-22, by: out-of-scope,", "{ id: V2-23, by: out-of-scope,");
        var diagnostic = DiagnosticAssert.Single(spec, "BMS018", TextPosition.Of(spec, "V2-23"));
        Assert.StartsWith("'V2-23' is not in the behaviour catalogue catalogue.yaml (did you mean", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS030")]
    public void A_spec_naming_a_catalogue_it_is_not_given_is_reported_at_the_name()
    {
        var spec = SpecFiles.ReadRules();
        var diagnostics = SpecCompiler.Compile("rules.yaml", spec).Diagnostics;
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BMS030", diagnostic.Id);
        Assert.Equal(TextPosition.Of(spec, "catalogue: catalogue.yaml", at: "catalogue.yaml"), DiagnosticAssert.Position(diagnostic));
        Assert.StartsWith("The spec names the behaviour catalogue 'catalogue.yaml', but it was not given with the spec", diagnostic.Message);
    }

    [Fact]
    [Trait("Diagnostic", "BMS018")]
    public void An_id_a_module_covers_that_the_catalogue_lacks_is_reported_at_it()
    {
        const string catalogue = """
            format: bmscatalogue/1
            groups:
              - id: F
                behaviours:
                  - { id: S-01, behaviour: "Small cut-off.", seeds: [{ file: bms-manual.txt }] }
                  - { id: L-01, behaviour: "Large cut-off.", seeds: [{ file: bms-manual.txt }] }
                  - { id: L-02, behaviour: "Service switch.", seeds: [{ file: bms-manual.txt }] }
            """;
        var files = new EquatableArray<SpecFile>(new[] { new SpecFile("/fixtures/fixture.catalogue.yaml", catalogue) });
        var spec = ModulesSpec.With("\ndocuments:\n", "\ncatalogue: fixture.catalogue.yaml\n\ndocuments:\n");
        Assert.Empty(SpecCompiler.Compile(ModulesSpec.FileName, spec, files).Diagnostics);

        var broken = SpecFiles.ReplaceOnce(spec, "        covers: [S-01, L-01]\n      - name: Enabled", "        covers: [S-01, L-03]\n      - name: Enabled");
        var diagnostic = Assert.Single(SpecCompiler.Compile(ModulesSpec.FileName, broken, files).Diagnostics);
        Assert.Equal("BMS018", diagnostic.Id);
        Assert.Equal(TextPosition.Of(broken, "L-03"), DiagnosticAssert.Position(diagnostic));
        Assert.Equal("'L-03' is not in the behaviour catalogue fixture.catalogue.yaml (did you mean 'L-01'?)", diagnostic.Message);
    }

    [Fact]
    public void A_problem_in_the_catalogue_is_reported_in_the_catalogue_file_at_its_place()
    {
        var catalogue = SpecFiles.Catalogue();
        var broken = SpecFiles.ReplaceOnce(catalogue.Text, "      - id: V2-02\n", "      - id: V2-01\n");
        var diagnostics = SpecCompiler.Compile("rules.yaml", SpecFiles.ReadRules(),
            new EquatableArray<SpecFile>(new[] { new SpecFile(catalogue.Path, broken) })).Diagnostics;

        var duplicate = Assert.Single(diagnostics, d => d.Id == "BMS015");
        Assert.Equal(catalogue.Path, duplicate.Path);
        Assert.Equal(TextPosition.Of(broken, "      - id: V2-01\n        behaviour: \"Load disconnect", at: "V2-01"), DiagnosticAssert.Position(duplicate));
    }

    [Fact]
    public void The_catalogue_holds_every_id_of_the_V2_the_NG_and_the_overview_with_its_seeds()
    {
        var bag = new DiagnosticBag(SpecFiles.CataloguePath);
        var catalogue = Parsing.CatalogueParser.Parse(SpecFiles.Catalogue(), bag)!;

        Assert.Empty(bag.ToArray());
        Assert.Equal(22, catalogue.Behaviours.Count(b => b.Group == "V2"));
        Assert.Equal(30, catalogue.Behaviours.Count(b => b.Group == "NG"));
        Assert.Equal(6, catalogue.Behaviours.Count(b => b.Group == "OV"));
        var v2_09 = catalogue.Find("V2-09")!;
        Assert.Equal("001 §1, §3.5; 004 §1", v2_09.Where);
        Assert.Equal(new[] { "001_27e9df261b5157fa.txt", "004_adcdb752a0cd3d37.txt" }, v2_09.Seeds.Select(s => s.File));
        Assert.Equal(new[] { "§1", "§3.5" }, v2_09.Seeds[0].Sections);
        Assert.Equal("SmallBMS", catalogue.Find("OV-01")!.Model);
    }
}
