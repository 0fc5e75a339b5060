using System;
using System.Globalization;
using System.Text;

namespace BmsRules.Testing.VeBus;

/// <summary>Hex text ⇄ bytes for tests ("83 83 FD 02").</summary>
public static class Hex
{
    /// <summary>Bytes from space-separated hex pairs.</summary>
    public static byte[] Bytes(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++) bytes[i] = byte.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bytes;
    }

    /// <summary>Space-separated upper-case hex pairs.</summary>
    public static string Text(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
