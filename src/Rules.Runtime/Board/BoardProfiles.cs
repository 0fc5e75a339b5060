using System.Collections.Generic;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The boards this project wires, each described once. docs/hardware.md draws the circuits these
    /// pin maps and dividers assume; a change here is a change to that document.
    /// </summary>
    public static class BoardProfiles
    {
        /// <summary>
        /// Every voltage input: 220 kΩ over 10 kΩ (×23). Full scale 75.9 V, so the whole valid range of every
        /// voltage input (battery 9–70 V, remote and Aux-In up to 75 V) is measurable and a clipped reading is
        /// always outside it; 18.5 mV per count at the terminal; 0.3 mA at 70 V.
        /// </summary>
        public static VoltageDivider TerminalDivider { get; } = new VoltageDivider(220_000, 10_000);

        /// <summary>The control loop and watchdog timing of the Meadow boards (docs/hardware.md, "Timing").</summary>
        public static LoopTiming MeadowTiming { get; } = new LoopTiming(
            controlPeriodMs: 100, watchdogTimeoutMs: 8_000, watchdogResetIntervalMs: 1_000, stallAfterMs: 2_000, statisticsIntervalMs: 60_000);

        /// <summary>
        /// Meadow F7 Feather V2, battery data from the Lithium Battery Smart BTV signals on opto-isolated
        /// inputs (the form a stock Victron bank provides, so the default board).
        /// </summary>
        public static BoardProfile MeadowF7FeatherV2 { get; } = new BoardProfile(
            "Meadow F7 Feather V2 (BTV signals)", "VeBusBmsV2", FeatherPins(withBtv: true), AdcSpec.Stm32F7, SerialSettings.VeBus("COM4"),
            new Dictionary<string, double> { [BoardProfile.UseBtvSignalsSetting] = 1 },
            CellDataSource.BtvSignals,
            new Dictionary<string, string>
            {
                ["CellMinVoltage"] = "BTV signals replace measured cell data (UseBtvSignals)",
                ["CellMaxVoltage"] = "BTV signals replace measured cell data (UseBtvSignals)",
                ["BatteryTemperature"] = "BTV signals replace measured cell data (the battery's allowed-to-charge covers temperature)",
                ["BatteryDataSequence"] = "BTV signals replace measured cell data (UseBtvSignals)",
                ["RemoteLoopClosed"] = RemoteLoopReason,
                ["Bootloader"] = BootloaderReason,
            },
            MeadowTiming);

        /// <summary>
        /// Meadow F7 Feather V2 with measured cell data from a battery monitor (published into
        /// <see cref="CellDataInputs"/>); the BTV inputs are not used.
        /// </summary>
        public static BoardProfile MeadowF7FeatherV2WithBatteryMonitor { get; } = new BoardProfile(
            "Meadow F7 Feather V2 (battery monitor)", "VeBusBmsV2", FeatherPins(withBtv: false), AdcSpec.Stm32F7, SerialSettings.VeBus("COM4"),
            new Dictionary<string, double> { [BoardProfile.UseBtvSignalsSetting] = 0 },
            CellDataSource.BatteryMonitor,
            new Dictionary<string, string>
            {
                ["BtvAllowCharge"] = "Measured cell data replace the BTV signals (UseBtvSignals off)",
                ["BtvAllowDischarge"] = "Measured cell data replace the BTV signals (UseBtvSignals off)",
                ["BtvPreAlarm"] = "Measured cell data replace the BTV signals (UseBtvSignals off)",
                ["RemoteLoopClosed"] = RemoteLoopReason,
                ["Bootloader"] = BootloaderReason,
            },
            MeadowTiming);

        private const string RemoteLoopReason =
            "Mode a (L and H bridged) needs no pin of its own: L's pull-up then lifts H into mode c's window (docs/hardware.md, remote terminals)";

        private const string BootloaderReason = "Not observable from a running application: while the app runs, the board is not in its boot loader";

        private static IReadOnlyList<PinAssignment> FeatherPins(bool withBtv)
        {
            var pins = new List<PinAssignment>
            {
                PinAssignment.Uart("D00", "COM4", transmit: false, "VE.Bus RX ← RS-485 transceiver RO"),
                PinAssignment.Uart("D01", "COM4", transmit: true, "VE.Bus TX → RS-485 transceiver DI (auto-direction)"),
                PinAssignment.Terminal("D02", "LoadDisconnect", "Load disconnect (ATD) high-side stage, 1 A"),
                PinAssignment.Terminal("D03", "ChargeDisconnect", "Charge disconnect (ATC) high-side stage, 10 mA"),
                PinAssignment.Terminal("D04", "PreAlarm", "Pre-alarm high-side stage, 1 A"),
                PinAssignment.Led("D05", "StatusLed", "Status LED (blue) via low-side switch"),
                PinAssignment.Led("D06", "CellAbove2V8Led", "Cell > 2.8 V LED (blue) via low-side switch"),
                PinAssignment.Led("D09", "CellAbove4VLed", "Temp or Cell > 4 V LED (red) via low-side switch"),
                PinAssignment.AnalogInput("A00", "BatteryVoltage", TerminalDivider, "Battery+ (BMS supply) sense"),
                PinAssignment.AnalogInput("A01", "RemoteLVoltage", TerminalDivider, "Remote L terminal (pulled up to Battery+ by 100 kΩ)"),
                PinAssignment.AnalogInput("A02", "RemoteHVoltage", TerminalDivider, "Remote H terminal"),
                PinAssignment.AnalogInput("A03", "AuxInVoltage", TerminalDivider, "Aux-In terminal"),
            };
            if (withBtv)
            {
                pins.Add(PinAssignment.DigitalInput("D10", "BtvAllowCharge", activeLow: true, "BTV allowed-to-charge, opto-coupler to ground, 10 kΩ pull-up"));
                pins.Add(PinAssignment.DigitalInput("D11", "BtvAllowDischarge", activeLow: true, "BTV allowed-to-discharge, opto-coupler to ground, 10 kΩ pull-up"));
                pins.Add(PinAssignment.DigitalInput("D14", "BtvPreAlarm", activeLow: true, "BTV pre-alarm, opto-coupler to ground, 10 kΩ pull-up"));
            }
            return pins;
        }
    }
}
