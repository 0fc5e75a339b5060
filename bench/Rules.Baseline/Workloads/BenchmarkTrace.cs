using System;
using BmsRules.Products.VeBusBmsV2;

namespace BmsRules.Baseline.Workloads;

/// <summary>
/// A realistic, deterministic V2 input trace for the measurements: one reading every
/// <see cref="StepMs"/> through a day-in-the-life of a 24 V bank. The BMS is switched on by its remote loop,
/// discharges through the pre-alarm into a low-cell disconnect, recharges past the overvoltage
/// limit, warms past 50 °C and cools below 5 °C, loses its battery data for a few seconds, is switched
/// off and on again, with measurement noise throughout. Measurements cycle through it, so every
/// machine, band, table and LED path is exercised in realistic proportions (mostly steady state).
/// </summary>
public static class BenchmarkTrace
{
    /// <summary>Time between two readings of the trace (ms).</summary>
    public const long StepMs = 100;

    /// <summary>Default trace length: 8,192 readings (13.6 minutes at <see cref="StepMs"/>).</summary>
    public const int DefaultLength = 8192;

    /// <summary>Creates the trace; the same <paramref name="seed"/> always gives the same readings.</summary>
    public static VeBusBmsV2Inputs[] Create(int length = DefaultLength, int seed = 42)
    {
        if (length <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "The trace needs at least one reading.");
        var random = new Random(seed);
        var trace = new VeBusBmsV2Inputs[length];
        uint sequence = 0;
        for (var i = 0; i < length; i++)
        {
            // Phase within the repeating scenario, 0 … 1.
            double phase = (double)i / length;
            double cell = CellVoltageAt(phase) + Noise(random, 0.004);
            double spread = 0.02 + Noise(random, 0.005);
            double temperature = TemperatureAt(phase) + Noise(random, 0.2);
            double battery = cell * 8 + 0.2 + Noise(random, 0.02);

            // Battery data lost for 7 s around 40 %: the reader stops counting.
            bool dataLost = phase is > 0.40 and < 0.40 + (70.0 / DefaultLength);
            if (!dataLost) sequence = sequence == uint.MaxValue ? 1 : sequence + 1;

            // Switched off by the remote loop for 20 s around 75 %.
            bool remoteOn = !(phase is > 0.75 and < 0.75 + (200.0 / DefaultLength));
            bool multiOn = phase < 0.9;

            trace[i] = new VeBusBmsV2Inputs(
                cellMinVoltage: cell,
                cellMaxVoltage: cell + spread,
                batteryTemperature: temperature,
                batteryDataSequence: sequence,
                batteryVoltage: battery,
                remoteLoopClosed: remoteOn,
                remoteLVoltage: remoteOn ? 0.1 + Noise(random, 0.01) : battery - 0.5,
                remoteHVoltage: remoteOn ? battery - 0.3 : 0.05,
                auxInVoltage: phase < 0.5 ? 0.0 : 27.6 + Noise(random, 0.05),
                multiOn: multiOn,
                bootloader: false,
                btvAllowCharge: true,
                btvAllowDischarge: true,
                btvPreAlarm: false);
        }
        return trace;
    }

    /// <summary>Cell voltage over the scenario: rest, discharge below 2.8 V, recharge above 4 V, relax.</summary>
    private static double CellVoltageAt(double phase) => phase switch
    {
        < 0.10 => 3.30,
        < 0.30 => Lerp(3.30, 2.70, (phase - 0.10) / 0.20),   // pre-alarm at 3.1 V, undervoltage at 2.8 V
        < 0.35 => 2.70,                                        // held low: loads disconnect after 30 s
        < 0.60 => Lerp(2.70, 4.05, (phase - 0.35) / 0.25),   // recharge: releases, then overvoltage at 4.0 V
        < 0.65 => 4.05,
        < 0.80 => Lerp(4.05, 3.35, (phase - 0.65) / 0.15),   // relaxes below the 3.6 V release
        _ => 3.35,
    };

    /// <summary>Temperature over the scenario: mild, a hot spell past 50 °C, a cold spell below 5 °C.</summary>
    private static double TemperatureAt(double phase) => phase switch
    {
        < 0.45 => 25.0,
        < 0.55 => Lerp(25.0, 53.0, (phase - 0.45) / 0.10),
        < 0.62 => Lerp(53.0, 45.0, (phase - 0.55) / 0.07),
        < 0.85 => Lerp(45.0, 3.0, (phase - 0.62) / 0.23),
        < 0.92 => Lerp(3.0, 9.0, (phase - 0.85) / 0.07),
        _ => Lerp(9.0, 25.0, (phase - 0.92) / 0.08),
    };

    private static double Lerp(double from, double to, double t) => from + (to - from) * t;

    private static double Noise(Random random, double amplitude) => (random.NextDouble() * 2 - 1) * amplitude;
}
