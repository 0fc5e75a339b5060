using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BmsRules.Properties.Infrastructure;

/// <summary>
/// Runs FsCheck properties inside xunit (FsCheck.Xunit is not available here). A failure throws
/// with FsCheck's report, which includes the counterexample (shrunk) and the replay seed:
/// "Replay directly at failing step with ..." — set BMS_FSCHECK_REPLAY="seed,gamma,size" (the
/// numbers FsCheck printed) to rerun exactly that case. BMS_FSCHECK_MAXTEST scales the case count.
/// </summary>
public static class PropertyRunner
{
    /// <summary>Cases per property unless overridden by BMS_FSCHECK_MAXTEST.</summary>
    public const int DefaultMaxTest = 200;

    /// <summary>Checks <paramref name="property"/>; throws (failing the test) with the report and replay seed when it is falsified.</summary>
    public static void Check(string name, Property property, ITestOutputHelper? output = null, int maxTest = DefaultMaxTest)
    {
        var config = Config.QuickThrowOnFailure.WithName(name).WithMaxTest(MaxTest(maxTest)).WithQuietOnSuccess(false);
        var replay = Environment.GetEnvironmentVariable("BMS_FSCHECK_REPLAY");
        if (!string.IsNullOrWhiteSpace(replay))
        {
            var parts = replay.Split(',');
            config = config.WithReplay(ulong.Parse(parts[0].Trim()), ulong.Parse(parts[1].Trim()), int.Parse(parts[2].Trim()));
        }
        if (output is not null) config = config.WithRunner(new XunitRunner(output));
        FsCheck.Check.One(config, property);
    }

    /// <summary>
    /// The companion check: <paramref name="property"/> (run on a broken engine) must be falsified, and
    /// FsCheck's report must contain <paramref name="expected"/> (the property's own violation message).
    /// </summary>
    public static string ExpectCounterexample(string name, Property property, ITestOutputHelper output, string expected, int maxTest = DefaultMaxTest)
    {
        var failure = Xunit.Assert.Throws<PropertyFailedException>(() => Check(name + " (mutant)", property, output, maxTest));
        Xunit.Assert.Contains(expected, failure.Message);
        return failure.Message;
    }

    private static int MaxTest(int requested)
    {
        var text = Environment.GetEnvironmentVariable("BMS_FSCHECK_MAXTEST");
        return int.TryParse(text, out var value) && value > 0 ? value : requested;
    }

    /// <summary>Writes FsCheck's report to the test output and throws on failure.</summary>
    private sealed class XunitRunner : IRunner
    {
        private readonly ITestOutputHelper _output;

        public XunitRunner(ITestOutputHelper output) => _output = output;

        public void OnStartFixture(Type t) { }

        public void OnArguments(int ntest, Microsoft.FSharp.Collections.FSharpList<object> args, Microsoft.FSharp.Core.FSharpFunc<int, Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string>> every) { }

        public void OnShrink(Microsoft.FSharp.Collections.FSharpList<object> args, Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string> everyShrink) { }

        public void OnFinished(string name, TestResult testResult)
        {
            var report = Runner.onFinishedToString(name, testResult);
            _output.WriteLine(report);
            if (!testResult.IsPassed) throw new PropertyFailedException(report);
        }
    }
}

/// <summary>A falsified property, with FsCheck's report (counterexample and replay seed) as its message.</summary>
public sealed class PropertyFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PropertyFailedException(string report) : base(report) { }
}
