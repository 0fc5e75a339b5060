using Xunit;

namespace BmsRules.Runtime.Tests.Allocation;

/// <summary>The allocation tests share one set of a million random readings (generated once).</summary>
[CollectionDefinition(Name)]
public sealed class RandomStepsCollection : ICollectionFixture<RandomStepsFixture>
{
    public const string Name = "A million random V2 readings";
}
