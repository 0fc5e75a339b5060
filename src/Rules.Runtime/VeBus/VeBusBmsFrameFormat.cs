using System;
using System.Collections.Generic;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// The BMS data frame as the spec's <c>vebus:</c> section lays it out (<see cref="VeBusLayout"/>): the layout's
    /// address, a data frame, payload = the command byte then <see cref="VeBusLayout.PayloadLength"/> bytes of fields
    /// (flag bits, little-endian constants). Nothing about the frame's content is decided here, so a bus capture
    /// corrects it in the spec alone. Encoding from an engine is allocation-free.
    /// </summary>
    public sealed class VeBusBmsFrameFormat
    {
        private readonly int[] _flag;
        private readonly int[] _byte;
        private readonly byte[] _mask;
        private readonly byte[] _template;

        /// <summary>Prepares the format of <paramref name="layout"/>.</summary>
        public VeBusBmsFrameFormat(VeBusLayout layout)
        {
            Layout = layout ?? throw new ArgumentNullException(nameof(layout));
            Address = new VeBusAddress(layout.AddressHigh, layout.AddressLow);
            PayloadLength = 1 + layout.PayloadLength;
            var fields = layout.Fields;
            _flag = new int[fields.Count];
            _byte = new int[fields.Count];
            _mask = new byte[fields.Count];
            _template = new byte[PayloadLength];
            _template[0] = layout.Command;
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                _flag[i] = field.Flag;
                _byte[i] = 1 + field.Byte;
                if (field.IsFlag)
                {
                    _mask[i] = (byte)(1 << field.Bit);
                }
                else
                {
                    WriteConstant(_template, 1 + field.Byte, field.Bytes, field.Value);
                }
            }
        }

        /// <summary>The spec's layout.</summary>
        public VeBusLayout Layout { get; }

        /// <summary>Where BMS frames are addressed.</summary>
        public VeBusAddress Address { get; }

        /// <summary>Payload bytes of a BMS frame, command byte included.</summary>
        public int PayloadLength { get; }

        /// <summary>The most bytes a BMS frame takes on the wire.</summary>
        public int MaxWireLength => VeBusFrameCodec.MaxEncodedLength(PayloadLength);

        /// <summary>The layout's fields, by index.</summary>
        public IReadOnlyList<VeBusField> Fields => Layout.Fields;

        /// <summary>Index of field <paramref name="name"/>, or −1.</summary>
        public int FieldIndex(string name)
        {
            for (var i = 0; i < Layout.Fields.Count; i++)
            {
                if (Layout.Fields[i].Name == name) return i;
            }
            return -1;
        }

        /// <summary>Index of field <paramref name="name"/>; throws with the known names when the layout has none.</summary>
        public int Field(string name)
        {
            var index = FieldIndex(name);
            if (index >= 0) return index;
            var names = new string[Layout.Fields.Count];
            for (var i = 0; i < names.Length; i++) names[i] = Layout.Fields[i].Name;
            throw new ArgumentException($"The VE.Bus BMS frame has no field '{name}'. Known: {string.Join(", ", names)}.", nameof(name));
        }

        /// <summary>Every field's value in a frame built from the layout alone: constants as the spec gives them, flags 0.</summary>
        public long[] DefaultValues()
        {
            var values = new long[Layout.Fields.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Layout.Fields[i].IsFlag ? 0 : Layout.Fields[i].Value;
            return values;
        }

        /// <summary>Writes the payload (command byte first) carrying <paramref name="engine"/>'s flags now.</summary>
        public void WritePayload(IFlagSource engine, Span<byte> payload)
        {
            _template.AsSpan().CopyTo(payload);
            for (var i = 0; i < _flag.Length; i++)
            {
                if (_flag[i] >= 0 && engine.GetFlag(_flag[i])) payload[_byte[i]] |= _mask[i];
            }
        }

        /// <summary>Writes the payload from one value per field (flags: non-zero is set; constants: the value to send).</summary>
        public void WritePayload(ReadOnlySpan<long> fieldValues, Span<byte> payload)
        {
            _template.AsSpan().CopyTo(payload);
            for (var i = 0; i < _flag.Length; i++)
            {
                var field = Layout.Fields[i];
                if (field.IsFlag)
                {
                    if (fieldValues[i] != 0) payload[_byte[i]] |= _mask[i];
                }
                else
                {
                    WriteConstant(payload, _byte[i], field.Bytes, fieldValues[i]);
                }
            }
        }

        /// <summary>Encodes the BMS frame carrying <paramref name="engine"/>'s flags now, with frame number <paramref name="frameNumber"/>.</summary>
        public bool TryEncode(IFlagSource engine, int frameNumber, Span<byte> destination, out int written)
        {
            Span<byte> payload = stackalloc byte[PayloadLength];
            WritePayload(engine, payload);
            return VeBusFrameCodec.TryEncode(Address, VeBusFrameKind.Data, frameNumber, payload, destination, out written);
        }

        /// <summary>Encodes a BMS frame from one value per field (see <see cref="WritePayload(ReadOnlySpan{long}, Span{byte})"/>).</summary>
        public bool TryEncode(ReadOnlySpan<long> fieldValues, int frameNumber, Span<byte> destination, out int written)
        {
            Span<byte> payload = stackalloc byte[PayloadLength];
            WritePayload(fieldValues, payload);
            return VeBusFrameCodec.TryEncode(Address, VeBusFrameKind.Data, frameNumber, payload, destination, out written);
        }

        /// <summary>True when <paramref name="frame"/> is a BMS frame of this layout: its address, a data frame, the command byte and the length.</summary>
        public bool IsBmsFrame(in VeBusFrame frame) =>
            frame.Kind == VeBusFrameKind.Data && frame.Address == Address && frame.Payload.Length == PayloadLength && frame.Payload[0] == Layout.Command;

        /// <summary>The value of field <paramref name="field"/> in a BMS frame's payload (flags: 0 or 1).</summary>
        public long ReadField(ReadOnlySpan<byte> payload, int field)
        {
            var f = Layout.Fields[field];
            if (f.IsFlag) return (payload[_byte[field]] & _mask[field]) != 0 ? 1 : 0;
            long value = 0;
            for (var b = f.Bytes - 1; b >= 0; b--) value = (value << 8) | payload[_byte[field] + b];
            return value;
        }

        private static void WriteConstant(Span<byte> payload, int at, int bytes, long value)
        {
            for (var b = 0; b < bytes; b++) payload[at + b] = (byte)(value >> (8 * b));
        }
    }
}
