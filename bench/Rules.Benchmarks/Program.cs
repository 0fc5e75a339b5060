using BenchmarkDotNet.Running;

namespace BmsRules.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/Rules.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen by the BenchmarkDotNet command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
