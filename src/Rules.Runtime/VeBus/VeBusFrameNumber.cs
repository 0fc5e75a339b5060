namespace BmsRules.Runtime.VeBus
{
    /// <summary>Frame numbers: 0..127; a device that sends uses the last number seen + 1 (mod 128), or the Multi ignores it (vebus.md).</summary>
    public static class VeBusFrameNumber
    {
        /// <summary>The largest frame number.</summary>
        public const int Max = 127;

        /// <summary>The number that follows <paramref name="lastSeen"/>.</summary>
        public static byte Next(int lastSeen) => (byte)((lastSeen + 1) & Max);

        /// <summary>True for 0..127.</summary>
        public static bool IsValid(int frameNumber) => (uint)frameNumber <= Max;
    }
}
