using System.Collections.Generic;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime.Serial;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The boards this project wires. The input pins, dividers, input modes and timing come from the spec's board
    /// section (<see cref="VeBusBmsV2Board"/>); the terminals, LEDs and the VE.Bus UART are listed here.
    /// docs/hardware.md draws the circuits both assume; a change here or there is a change to that document.
    /// </summary>
    public static class BoardProfiles
    {
        /// <summary>How often the Meadow boards log their loop and receive statistics (ms).</summary>
        public const int StatisticsIntervalMs = 60_000;

        // Before the profiles below: static initialisers run in file order.
        private static IReadOnlyList<PinAssignment> FeatherHardwarePins { get; } = new[]
        {
            PinAssignment.Uart("D00", "COM4", transmit: false, "VE.Bus RX ← RS-485 transceiver RO"),
            PinAssignment.Uart("D01", "COM4", transmit: true, "VE.Bus TX → RS-485 transceiver DI (auto-direction; 10 kΩ pull-up to 3V3 holds DI idle while the pin floats at reset)"),
            PinAssignment.Terminal("D02", "LoadDisconnect", "Load disconnect (ATD) high-side stage, 1 A"),
            PinAssignment.Terminal("D03", "ChargeDisconnect", "Charge disconnect (ATC) high-side stage, 10 mA"),
            PinAssignment.Terminal("D04", "PreAlarm", "Pre-alarm high-side stage, 1 A"),
            PinAssignment.Led("D05", "StatusLed", "Status LED (blue) via low-side switch"),
            PinAssignment.Led("D06", "CellAbove2V8Led", "Cell > 2.8 V LED (blue) via low-side switch"),
            PinAssignment.Led("D09", "CellAbove4VLed", "Temp or Cell > 4 V LED (red) via low-side switch"),
        };

        private static readonly Dictionary<string, BoardProfile> Feathers = FeatherProfiles();

        /// <summary>The Meadow F7 Feather V2 in the spec's default input mode (<see cref="VeBusBmsV2Board.DefaultInputMode"/>).</summary>
        public static BoardProfile MeadowF7FeatherV2 => Feathers[VeBusBmsV2Board.DefaultInputMode];

        /// <summary>The Meadow F7 Feather V2 in input mode <paramref name="inputMode"/> (a mode of the spec's board section).</summary>
        public static BoardProfile MeadowF7FeatherV2In(string inputMode) =>
            Feathers.TryGetValue(inputMode, out var profile) ? profile : throw new System.ArgumentException(
                $"The spec's board has no input mode '{inputMode}'. Known: {string.Join(", ", Feathers.Keys)}.", nameof(inputMode));

        private static Dictionary<string, BoardProfile> FeatherProfiles()
        {
            var profiles = new Dictionary<string, BoardProfile>(System.StringComparer.Ordinal);
            foreach (var mode in VeBusBmsV2Board.Info.Modes)
            {
                profiles[mode.Name] = new BoardProfile($"Meadow F7 Feather V2 ({mode.Name})", "VeBusBmsV2", VeBusBmsV2Board.Info, mode.Name,
                    FeatherHardwarePins, SerialSettings.VeBus("COM4"), StatisticsIntervalMs);
            }
            return profiles;
        }
    }
}
