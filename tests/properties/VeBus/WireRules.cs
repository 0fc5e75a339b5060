using System;

namespace BmsRules.Properties.VeBus;

/// <summary>
/// The receive-side rules of vebus.md, written out independently of the codec: the properties use them as the
/// oracle for every frame a receiver yields.
/// </summary>
public static class WireRules
{
    /// <summary>
    /// vebus.md: "the sum of b[2..] including cs and the final FF is 0 mod 256. In sync frames the 0x55 byte is
    /// left out of the sum."
    /// </summary>
    public static bool SumRuleHolds(ReadOnlySpan<byte> wire)
    {
        if (wire.Length < 6 || wire[^1] != 0xFF) return false;
        var sum = 0;
        for (var i = 2; i < wire.Length; i++) sum += wire[i];
        if (wire[2] == 0xFD && wire[4] == 0x55) sum -= 0x55;
        return sum % 256 == 0;
    }

    /// <summary>Stuffing as vebus.md states it: from index 4 to the checksum no bare FB..FF, and FA only as FA 7A..7F or in the checksum escape.</summary>
    public static bool StuffingHolds(ReadOnlySpan<byte> wire)
    {
        var end = wire.Length - 1;
        for (var i = 0; i < end; i++)
        {
            if (wire[i] == 0xFF) return false;
        }
        for (var i = 4; i < end; i++)
        {
            var b = wire[i];
            if (b < 0xFA) continue;
            if (b > 0xFA) return false;
            if (i + 1 == end) return true;                                   // bare FA checksum
            var x = wire[i + 1];
            if (i + 2 == end) return x is >= 0x01 and <= 0x05;               // escaped checksum
            if (x is < 0x7A or > 0x7F) return false;
            i++;
        }
        return true;
    }
}
