using System;
using System.Collections.Generic;
using System.Globalization;

namespace BmsRules.Desktop.VeBus;

/// <summary>
/// Parses one line of a hex dump: bytes as hex pairs separated by spaces, commas, colons or dashes, or run together
/// (<c>8383FD02</c>), each optionally prefixed <c>0x</c>; <c>#</c> starts a comment.
/// </summary>
internal static class HexInput
{
    /// <summary>The bytes of <paramref name="line"/>; throws <see cref="FormatException"/> naming the bad text.</summary>
    public static byte[] ParseLine(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) line = line.Substring(0, hash);
        var bytes = new List<byte>();
        foreach (var raw in line.Split(new[] { ' ', '\t', ',', ':', '-', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? raw.Substring(2) : raw;
            if (token.Length == 0 || token.Length % 2 != 0) throw new FormatException($"'{raw}' is not hex bytes (an odd number of digits)");
            for (var i = 0; i < token.Length; i += 2)
            {
                if (!byte.TryParse(token.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    throw new FormatException($"'{raw}' is not hex");
                }
                bytes.Add(b);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Upper-case hex pairs separated by spaces.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[Math.Max(0, bytes.Length * 3 - 1)];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0) chars[i * 3 - 1] = ' ';
            chars[i * 3] = Digit(bytes[i] >> 4);
            chars[i * 3 + 1] = Digit(bytes[i] & 0xF);
        }
        return new string(chars);
    }

    private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
