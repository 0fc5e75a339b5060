using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>One step of a random trace: the inputs, the step time, and settings applied just before it (if any).</summary>
internal readonly record struct RandomV2Step(VeBusBmsV2Inputs Inputs, long NowMs, VeBusBmsV2Settings? NewSettings);

/// <summary>A random input trace: the settings the engines start with, then the steps.</summary>
internal sealed record RandomV2Trace(VeBusBmsV2Settings Settings, IReadOnlyList<RandomV2Step> Steps);
