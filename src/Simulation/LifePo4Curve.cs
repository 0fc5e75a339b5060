using System;

namespace BmsRules.Simulation;

/// <summary>
/// Open-circuit voltage of one LiFePO4 cell over its state of charge (a fraction, 1 = full). A
/// simulation parameter, not a BMS rule: the knots are typical published LiFePO4 values — a flat
/// plateau around 3.3 V, a knee below 10 %, about 3.0 V at 1 % (the reserve the V2 manual says is
/// left after a low-cell shutdown, 001 §5.1) and a steep rise when a cell is pushed past full, which is
/// what makes an unbalanced cell reach 4 V while its neighbours sit near 3.4 V.
/// Lookup is a uniform table with linear interpolation: no allocation, no search.
/// </summary>
public sealed class LifePo4Curve
{
    /// <summary>Lowest state of charge in the table (below: the first value).</summary>
    public const double MinSoc = -0.05;

    /// <summary>Highest state of charge in the table (above: the last value).</summary>
    public const double MaxSoc = 1.06;

    private const double Resolution = 0.0002;

    /// <summary>(state of charge, volts), ascending.</summary>
    private static readonly double[,] Knots =
    {
        { -0.05, 0.60 }, { -0.03, 1.50 }, { -0.01, 2.30 }, { 0.000, 2.50 }, { 0.005, 2.80 }, { 0.010, 3.00 },
        { 0.020, 3.08 }, { 0.050, 3.15 }, { 0.100, 3.20 }, { 0.200, 3.25 }, { 0.300, 3.28 }, { 0.400, 3.29 },
        { 0.500, 3.30 }, { 0.600, 3.31 }, { 0.700, 3.32 }, { 0.800, 3.33 }, { 0.900, 3.34 }, { 0.950, 3.36 },
        { 0.980, 3.40 }, { 0.990, 3.43 }, { 1.000, 3.50 }, { 1.005, 3.65 }, { 1.010, 3.85 }, { 1.015, 4.05 },
        { 1.020, 4.25 }, { 1.030, 4.60 }, { 1.060, 5.40 },
    };

    private readonly double[] _volts;
    private readonly double _last;

    private LifePo4Curve()
    {
        var count = (int)Math.Round((MaxSoc - MinSoc) / Resolution) + 1;
        _volts = new double[count];
        for (var i = 0; i < count; i++) _volts[i] = Interpolate(MinSoc + i * Resolution);
        _last = count - 1;
    }

    /// <summary>The curve every cell uses.</summary>
    public static LifePo4Curve Default { get; } = new();

    /// <summary>Open-circuit voltage at <paramref name="soc"/> (fraction).</summary>
    public double Voltage(double soc)
    {
        var x = (soc - MinSoc) * (1.0 / Resolution);
        if (x <= 0) return _volts[0];
        if (x >= _last) return _volts[_volts.Length - 1];
        var i = (int)x;
        var lower = _volts[i];
        return lower + (_volts[i + 1] - lower) * (x - i);
    }

    /// <summary>
    /// Open-circuit voltage at <paramref name="soc"/> and the slope of the curve there (V per unit of
    /// state of charge), so a caller can extrapolate along the segment.
    /// </summary>
    public double Voltage(double soc, out double slope)
    {
        var x = (soc - MinSoc) * (1.0 / Resolution);
        if (x <= 0 || x >= _last)
        {
            slope = 0;
            return x <= 0 ? _volts[0] : _volts[_volts.Length - 1];
        }
        var i = (int)x;
        var lower = _volts[i];
        var rise = _volts[i + 1] - lower;
        slope = rise * (1.0 / Resolution);
        return lower + rise * (x - i);
    }

    /// <summary>The state of charge whose open-circuit voltage is <paramref name="volts"/> (inverse, by bisection; not for the step path).</summary>
    public double StateOfCharge(double volts)
    {
        double low = MinSoc, high = MaxSoc;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (Voltage(mid) < volts) low = mid;
            else high = mid;
        }
        return (low + high) / 2;
    }

    private static double Interpolate(double soc)
    {
        var n = Knots.GetLength(0);
        if (soc <= Knots[0, 0]) return Knots[0, 1];
        for (var k = 1; k < n; k++)
        {
            if (soc <= Knots[k, 0])
            {
                var f = (soc - Knots[k - 1, 0]) / (Knots[k, 0] - Knots[k - 1, 0]);
                return Knots[k - 1, 1] + f * (Knots[k, 1] - Knots[k - 1, 1]);
            }
        }
        return Knots[n - 1, 1];
    }
}
