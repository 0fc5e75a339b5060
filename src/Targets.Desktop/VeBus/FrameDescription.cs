using System;
using System.Globalization;
using System.Text;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.VeBus;

/// <summary>
/// One line per frame for <c>bms vebus decode</c>: <c>ok</c> or the rejection reason, address, kind, frame number,
/// the fields known for that frame, then the frame's bytes. What is known comes from vebus.md (sync frames,
/// command and reply bytes, the Multi's frame types) and, for BMS frames, from the spec's provisional layout.
/// </summary>
internal static class FrameDescription
{
    /// <summary>The line for a valid frame; its bytes are re-encoded from the decoded fields (identical to the input by construction).</summary>
    public static string Accepted(in VeBusFrame frame, VeBusBmsFrameFormat? bms)
    {
        var text = new StringBuilder("ok");
        Header(text, frame.Wire);
        if (frame.IsSync) Sync(text, frame);
        else if (bms is not null && bms.IsBmsFrame(frame)) Bms(text, frame, bms);
        else Data(text, frame);
        var again = new byte[VeBusFrameCodec.MaxWireLength];
        var reencoded = VeBusFrameCodec.TryEncode(frame.Address, frame.Kind, frame.FrameNumber, frame.Payload, again, out var written)
            ? again.AsSpan(0, written)
            : Span<byte>.Empty;
        if (!reencoded.SequenceEqual(frame.Wire)) text.Append(" REENCODE-MISMATCH");
        return text.Append(" | ").Append(HexInput.Format(reencoded)).ToString();
    }

    /// <summary>The line for rejected bytes: the reason, whatever header bytes there are, then the bytes.</summary>
    public static string Rejected(VeBusFrameError error, ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(error.ToString());
        if (error != VeBusFrameError.Garbage) Header(text, bytes);
        return text.Append(" | ").Append(HexInput.Format(bytes)).ToString();
    }

    private static void Header(StringBuilder text, ReadOnlySpan<byte> wire)
    {
        if (wire.Length >= 2) text.Append(" addr=").Append(Hex(wire[0])).Append(':').Append(Hex(wire[1]));
        if (wire.Length >= 3)
        {
            text.Append(" kind=").Append(wire[2] switch
            {
                (byte)VeBusFrameKind.Sync => "sync",
                (byte)VeBusFrameKind.Data => "data",
                _ => "0x" + Hex(wire[2]),
            });
        }
        if (wire.Length >= 4) text.Append(" fn=").Append(wire[3].ToString(CultureInfo.InvariantCulture));
    }

    private static void Sync(StringBuilder text, in VeBusFrame frame)
    {
        if (VeBusSyncFrame.TryRead(frame, out var unknown, out var timestamp))
        {
            text.Append(" unknown=0x").Append(Hex(unknown)).Append(" timestamp=0x").Append(timestamp.ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append(" sync-payload=").Append(frame.Payload.Length.ToString(CultureInfo.InvariantCulture)).Append("-bytes");
        }
    }

    private static void Bms(StringBuilder text, in VeBusFrame frame, VeBusBmsFrameFormat bms)
    {
        text.Append(bms.Layout.Provisional ? " bms-frame(provisional)" : " bms-frame");
        for (var i = 0; i < bms.Fields.Count; i++)
        {
            text.Append(' ').Append(bms.Fields[i].Name).Append('=').Append(bms.ReadField(frame.Payload, i).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Data(StringBuilder text, in VeBusFrame frame)
    {
        var p = frame.Payload;
        if (p.Length == 0)
        {
            text.Append(" empty");
            return;
        }
        // Commands and their replies carry a two-byte device id first, 00 xx (vebus.md: "reply to device id 00 E6").
        if (p[0] == 0x00 && p.Length >= 3)
        {
            text.Append(" device-id=").Append(Hex(p[0])).Append(Hex(p[1]));
            if (frame.Address == VeBusAddress.Multi)
            {
                text.Append(" reply=0x").Append(Hex(p[2])).Append(' ').Append(p[2] switch
                {
                    0x87 => "ram-var-written",
                    0x88 => "setting-written",
                    0x80 => "not-supported",
                    0x9B => "access-level-required",
                    _ => "unknown",
                });
                return;
            }
            text.Append(" command=0x").Append(Hex(p[2]));
            if (p[2] == 0x37 && p.Length >= 7)
            {
                // WriteViaID: flags (02 = RAM only), variable id, 16-bit value low byte first.
                var value = (short)(p[5] | (p[6] << 8));
                text.Append(" write-via-id flags=0x").Append(Hex(p[3])).Append(" id=0x").Append(Hex(p[4]))
                    .Append(" value=").Append(value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(p[2] == 0x37 ? " write-via-id" : " unknown");
            }
            return;
        }
        text.Append(" type=0x").Append(Hex(p[0])).Append(' ');
        switch (p[0])
        {
            case 0x80:
                text.Append("charger-inverter-condition");
                // vebus.md: byte 6 bit 0 = DC level allows inverting; byte 7 = 02 low battery (frame bytes; payload 2 and 3).
                if (p.Length >= 4)
                {
                    text.Append(" dc-allows-inverting=").Append(p[2] & 1).Append(" low-battery=").Append(p[3] == 0x02 ? 1 : 0);
                }
                break;
            case 0x41:
                text.Append("master-led-state");
                break;
            case 0x70:
                text.Append("dc-ah-counter");
                break;
            case 0x20:
                text.Append("info");
                break;
            case 0xE4:
                text.Append("phase-info");
                // AC frequency in mHz, low byte first, at frame bytes 6–7 (esp32ess src/esp32ess.ino); 50.000 Hz in the vebus.md vector.
                if (p.Length >= 4) text.Append(" ac-frequency=").Append(((p[2] | (p[3] << 8)) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture)).Append("Hz");
                break;
            default:
                text.Append("unknown");
                break;
        }
    }

    private static string Hex(byte b) => b.ToString("X2", CultureInfo.InvariantCulture);
}
