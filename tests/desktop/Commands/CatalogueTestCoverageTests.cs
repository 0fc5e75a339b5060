using System;
using System.IO;
using System.Linq;
using BmsRules.Desktop.Audit;
using BmsRules.Generator;
using BmsRules.Testing;
using BmsRules.Desktop.Tests.Infrastructure;
using Xunit;

namespace BmsRules.Desktop.Tests.Commands;

/// <summary>
/// Every catalogue id the spec hands to the engine is proven by at least one test that says so with
/// <c>[Trait("Covers", id)]</c>; and the check that says so can fail.
/// </summary>
public sealed class CatalogueTestCoverageTests
{
    [Fact]
    public void Every_catalogue_id_the_engine_implements_has_a_test_that_carries_it()
    {
        var spec = SpecCompiler.Resolve(SpecFiles.RulesPath, SpecFiles.ReadRules(), SpecFiles.Companions())!;
        var tests = TestIndex.Scan(Path.Combine(Repository.Root, "tests"), Repository.Root);

        var untested = TestCoverage.Untested(spec, tests);

        Assert.True(untested.Count == 0, "No test carries [Trait(\"Covers\", id)] for: " + string.Join(", ", untested));
        Assert.Contains(spec.Products.Single().Catalogue, c => c.By == "engine");
    }

    [Fact]
    public void Every_id_a_test_carries_is_in_the_behaviour_catalogue_or_a_fixture_s()
    {
        var catalogue = SpecCompiler.Resolve(SpecFiles.RulesPath, SpecFiles.ReadRules(), SpecFiles.Companions())!.Catalogue!;
        var fixtureIds = new[] { "S-01", "L-01", "L-02" };
        var unknown = TestIndex.Scan(Path.Combine(Repository.Root, "tests"), Repository.Root)
            .Where(t => catalogue.Find(t.Id) is null && !fixtureIds.Contains(t.Id))
            .Select(t => $"{t.File}:{t.Line} {t.Id}").ToList();
        Assert.True(unknown.Count == 0, "Tests carry ids the catalogue does not have: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_check_names_each_engine_id_no_test_carries_and_counts_only_real_test_methods()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bms-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "tests", "obj"));
        File.WriteAllText(Path.Combine(folder, "tests", "Some.cs"), """
            using Xunit;
            public class SomeTests
            {
                [Fact]
                [Trait("Covers", "S-01")]
                public void Proves_s01() { }

                // [Trait("Covers", "L-01")] in a comment does not count.
                [Fact]
                public void Proves_nothing() { }

                [Trait("Covers", "L-02")] // not a test method
                public void Helper() { }
            }

            [Trait("Covers", "L-02")]
            public class ClassLevelTraitTests
            {
                [Xunit.FactAttribute]
                public void Inherits_the_class_trait() { }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "tests", "obj", "Generated.cs"), "public class G { [Xunit.Fact, Xunit.Trait(\"Covers\", \"L-01\")] public void X() { } }");
        var fixture = Repository.ModulesFixture;
        var spec = SpecCompiler.Resolve(fixture, File.ReadAllText(fixture), SpecFiles.Companions())!;

        var tests = TestIndex.Scan(Path.Combine(folder, "tests"), folder);

        Assert.Equal(new[] { "S-01 tests/Some.cs:6 SomeTests.Proves_s01", "L-02 tests/Some.cs:20 ClassLevelTraitTests.Inherits_the_class_trait" },
            tests.Select(t => $"{t.Id} {t.File}:{t.Line} {t.Test}"));
        Assert.Equal(new[] { "LargeBms: L-01" }, TestCoverage.Untested(spec, tests));
    }
}
