using System;
using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Runtime.Tests.Baseline;

/// <summary>
/// Random V2 input traces that dwell where the rules are delicate: random walks that keep landing on,
/// one ulp either side of, and just around every threshold (2.8/3.1/3.2 V, the pre-alarm level and its
/// release, 3.6/4.0 V, 5/7/48/50 °C, remote L 3.5 V, remote H 2.9 V and V_bat, Aux-In 9 V and V_bat,
/// every valid-range edge), with NaN/±∞/out-of-range injections, stalled and reset data sequences,
/// remote toggling, the boot loader, BTV mode and pre-alarm level changed through the settings, and
/// step intervals that hit the timers exactly. Deterministic for a given seed.
/// </summary>
internal sealed class RandomV2TraceGenerator
{
    private readonly Random _random;

    public RandomV2TraceGenerator(int seed) => _random = new Random(seed);

    /// <summary>The next trace, <paramref name="minSteps"/>…<paramref name="maxSteps"/> steps long.</summary>
    public RandomV2Trace Next(int minSteps, int maxSteps)
    {
        var initial = RandomSettings();
        var settings = initial;
        var length = _random.Next(minSteps, maxSteps + 1);
        var steps = new List<RandomV2Step>(length);

        double cellMin = Pick(2.9, 3.15, 3.3, 3.5), cellMax = cellMin + 0.05;
        double temperature = Pick(25.0, 6.0, 49.0, 0.0);
        double battery = Pick(13.2, 26.4, 52.8);
        double remoteL = battery, remoteH = 0.0, auxIn = 0.0;
        bool loop = Chance(0.7), multiOn = Chance(0.7), bootloader = false;
        bool btvCharge = true, btvDischarge = true, btvPreAlarm = false;
        uint sequence = 0;
        var frozenFor = Chance(0.2) ? _random.Next(1, 80) : 0;
        long now = _random.Next(0, 3) switch { 0 => 0, 1 => 1, _ => _random.Next(0, 1_000_000) };

        for (var i = 0; i < length; i++)
        {
            VeBusBmsV2Settings? change = null;
            if (Chance(0.004))
            {
                settings = RandomSettings();
                change = settings;
            }
            var level = settings.PreAlarmLevel;

            cellMin = Walk(cellMin, 0.03, 0.5, 5.0, 2.8, 3.2, level, level + 0.10, 3.1, 3.6, 4.0, 3.3, 0.5, 5.0);
            cellMax = Walk(cellMax, 0.03, 0.5, 5.0, 3.6, 4.0, 3.2, 2.8, 3.4, 0.5, 5.0, cellMin);
            // Mostly consistent (max ≥ min); the rest exercises the inconsistent-data rule.
            if (cellMax < cellMin && Chance(0.9)) cellMax = cellMin + _random.NextDouble() * 0.2;
            if (Chance(0.01)) cellMax = cellMin;
            temperature = Walk(temperature, 1.0, -40, 100, 5, 7, 48, 50, 3, 52, 25, -40, 100);
            battery = Walk(battery, 0.4, 9, 70, 9, 70, 13.2, 26.4, 52.8);
            remoteL = Walk(remoteL, 0.5, -1, 75, 3.5, battery, 0, -1, 75);
            remoteH = Walk(remoteH, 0.5, -1, 75, 2.9, battery, 0, -1, 75);
            auxIn = Walk(auxIn, 0.5, 0, 75, 9, battery, 0, 75, 27.6);

            if (Chance(0.03)) loop = !loop;
            if (Chance(0.05)) multiOn = !multiOn;
            bootloader = bootloader ? !Chance(0.15) : Chance(0.004);
            if (Chance(0.05)) btvCharge = !btvCharge;
            if (Chance(0.04)) btvDischarge = !btvDischarge;
            if (Chance(0.05)) btvPreAlarm = !btvPreAlarm;

            sequence = NextSequence(sequence, ref frozenFor);
            now += NextInterval();

            var inputs = new VeBusBmsV2Inputs(cellMin, cellMax, temperature, sequence, battery, loop, remoteL, remoteH, auxIn,
                multiOn, bootloader, btvCharge, btvDischarge, btvPreAlarm);
            steps.Add(new RandomV2Step(inputs, now, change));
        }
        return new RandomV2Trace(initial, steps);
    }

    private VeBusBmsV2Settings RandomSettings()
    {
        var roll = _random.NextDouble();
        double level = roll switch
        {
            < 0.55 => VeBusBmsV2Settings.PreAlarmLevelDefault,
            < 0.75 => 2.85 + _random.NextDouble() * 0.30,
            < 0.85 => Pick(2.85, 3.15, Math.BitIncrement(3.15), Math.BitDecrement(2.85)),
            _ => Pick(double.NaN, double.PositiveInfinity, 2.5, 3.3, 0.0, -3.1),
        };
        return new VeBusBmsV2Settings
        {
            PreAlarmLevel = level,
            UseBtvSignals = Chance(0.25),
            ReduceChargeOnHighCell = Chance(0.6),
        };
    }

    /// <summary>
    /// One random-walk step: usually hold or drift, often land on or right next to an anchor
    /// (a threshold or range edge), sometimes turn into garbage, and come back from garbage.
    /// </summary>
    private double Walk(double current, double drift, double min, double max, params double[] anchors)
    {
        bool garbage = !(current >= min - 5 && current <= max + 5);
        if (garbage) return Chance(0.3) ? NearAnchor(anchors[_random.Next(anchors.Length)]) : current;
        var roll = _random.NextDouble();
        if (roll < 0.50) return current;
        if (roll < 0.80) return current + (_random.NextDouble() * 2 - 1) * drift;
        if (roll < 0.975) return NearAnchor(anchors[_random.Next(anchors.Length)]);
        return _random.Next(7) switch
        {
            0 => double.NaN,
            1 => double.PositiveInfinity,
            2 => double.NegativeInfinity,
            3 => Math.BitDecrement(min),
            4 => Math.BitIncrement(max),
            5 => min - 1 - _random.NextDouble() * 100,
            _ => max + 1 + _random.NextDouble() * 1000,
        };
    }

    private double NearAnchor(double anchor) => _random.Next(8) switch
    {
        0 or 1 => anchor,
        2 => Math.BitIncrement(anchor),
        3 => Math.BitDecrement(anchor),
        4 => anchor + 1e-9,
        5 => anchor - 1e-9,
        _ => anchor + (_random.NextDouble() * 2 - 1) * 0.05,
    };

    /// <summary>Fresh most of the time; sometimes stalled long enough to go stale, reset to 0 or wrapped.</summary>
    private uint NextSequence(uint sequence, ref int frozenFor)
    {
        if (frozenFor > 0)
        {
            frozenFor--;
            return sequence;
        }
        var roll = _random.NextDouble();
        if (roll < 0.85) return unchecked(sequence + 1);
        if (roll < 0.93) return sequence;
        if (roll < 0.96)
        {
            frozenFor = _random.Next(5, 120);
            return sequence;
        }
        return _random.Next(3) switch { 0 => 0u, 1 => uint.MaxValue, _ => (uint)_random.Next() };
    }

    /// <summary>Step intervals: control-loop rates, exact timer and blink durations, zero, and long gaps.</summary>
    private long NextInterval() => _random.Next(20) switch
    {
        0 => 0,
        1 => 1,
        2 => 33,
        3 => 66,
        4 or 5 or 6 or 7 => 100,
        8 => 500,
        9 or 10 => 1000,
        11 => 5000,
        12 => 10_000,
        13 => _random.Next(25_000, 35_000),
        _ => _random.Next(0, 2000),
    };

    private bool Chance(double p) => _random.NextDouble() < p;

    private double Pick(params double[] values) => values[_random.Next(values.Length)];
}
