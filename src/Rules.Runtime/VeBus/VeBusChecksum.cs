using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// The VE.Bus checksum (vebus.md): <c>cs = 1 − Σ b[2..N−1] (mod 256)</c> over the frame as sent (stuffed), from
    /// the byte after the address up to the last payload byte; in a sync frame the <c>55</c> marker at byte 4 is
    /// left out. A checksum of <c>FB</c> or more is sent as <c>FA, cs − FA</c>, which leaves the sum unchanged, so
    /// a receiver can check that the sum of every byte from index 2 up to and including the end byte is 0.
    /// <para>
    /// What it guarantees: a one-byte sum detects every change of a single byte it covers (the change alters the
    /// sum by a non-zero amount), and misses about 1 in 256 of the other corruptions. It does not cover the two
    /// address bytes. See docs/vebus.md for what this means for a corrupted frame in a byte stream.
    /// </para>
    /// </summary>
    public static class VeBusChecksum
    {
        /// <summary>The checksum of <paramref name="frameUpToChecksum"/>: the stuffed frame from its first address byte to its last payload byte.</summary>
        public static byte Compute(ReadOnlySpan<byte> frameUpToChecksum)
        {
            var sum = 0;
            for (var i = 2; i < frameUpToChecksum.Length; i++) sum += frameUpToChecksum[i];
            if (frameUpToChecksum.Length > 4 && frameUpToChecksum[2] == (byte)VeBusFrameKind.Sync && frameUpToChecksum[4] == VeBusFrameCodec.SyncMarker)
            {
                sum -= VeBusFrameCodec.SyncMarker;
            }
            return (byte)(1 - sum);
        }

        /// <summary>The checksum as a function, so tests can substitute a broken one and show that the properties catch it.</summary>
        internal static readonly ChecksumFunction Function = Compute;
    }

    /// <summary>Computes the checksum of a stuffed frame up to its last payload byte.</summary>
    internal delegate byte ChecksumFunction(ReadOnlySpan<byte> frameUpToChecksum);
}
