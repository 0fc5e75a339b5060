namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// An ADC that converts a fixed list of pins in one operation (the Meadow F7's analog input array).
    /// The board's adapter implements it; <see cref="AnalogScan"/> adds the fail-safe rules.
    /// </summary>
    public interface IAnalogScanHardware
    {
        /// <summary>Number of channels, in the order the pins were given.</summary>
        int ChannelCount { get; }

        /// <summary>Converts every channel now. May throw; the scan then reports its channels as NaN.</summary>
        void Refresh();

        /// <summary>The pin voltage of <paramref name="channel"/> from the last <see cref="Refresh"/>.</summary>
        double PinVolts(int channel);
    }
}
