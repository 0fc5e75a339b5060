using System;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>The two address bytes that open every VE.Bus frame (not covered by the checksum).</summary>
    public readonly struct VeBusAddress : IEquatable<VeBusAddress>
    {
        /// <summary>Creates the address <paramref name="high"/> <paramref name="low"/>, in wire order.</summary>
        public VeBusAddress(byte high, byte low)
        {
            High = high;
            Low = low;
        }

        /// <summary><c>83 83</c>: the Multi's address (vebus.md).</summary>
        public static VeBusAddress Multi => new VeBusAddress(0x83, 0x83);

        /// <summary><c>98 F7</c>: the address the MK3 interface uses (vebus.md; itself a guess in its source).</summary>
        public static VeBusAddress Mk3 => new VeBusAddress(0x98, 0xF7);

        /// <summary>Byte 0 of the frame.</summary>
        public byte High { get; }

        /// <summary>Byte 1 of the frame.</summary>
        public byte Low { get; }

        /// <summary>Equality of both bytes.</summary>
        public static bool operator ==(VeBusAddress left, VeBusAddress right) => left.Equals(right);

        /// <summary>Inequality of either byte.</summary>
        public static bool operator !=(VeBusAddress left, VeBusAddress right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(VeBusAddress other) => High == other.High && Low == other.Low;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is VeBusAddress other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (High << 8) | Low;

        /// <summary>The address as two hex bytes, e.g. <c>83 83</c>.</summary>
        public override string ToString() => High.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " " +
                                             Low.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
