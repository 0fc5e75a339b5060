using System.Collections.Generic;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>
    /// The VE.Bus BMS frame of a product, as the spec defines it (see the spec's <c>vebus:</c> section).
    /// <see cref="Provisional"/> is true while the layout rests on assumptions rather than a bus capture.
    /// </summary>
    public sealed class VeBusLayout
    {
        /// <summary>Creates the layout (called once by generated code).</summary>
        public VeBusLayout(bool provisional, string? description, byte addressHigh, byte addressLow, byte command, int sendWhenFlag,
            int lowPowerFlag, long normalIntervalMilliseconds, long lowPowerIntervalMilliseconds, int payloadLength,
            VeBusField[] fields, string provenance)
        {
            Provisional = provisional;
            Description = description;
            AddressHigh = addressHigh;
            AddressLow = addressLow;
            Command = command;
            SendWhenFlag = sendWhenFlag;
            LowPowerFlag = lowPowerFlag;
            NormalIntervalMilliseconds = normalIntervalMilliseconds;
            LowPowerIntervalMilliseconds = lowPowerIntervalMilliseconds;
            PayloadLength = payloadLength;
            Fields = fields;
            Provenance = provenance;
        }

        /// <summary>True while the layout is not confirmed by a capture from a real bus.</summary>
        public bool Provisional { get; }

        /// <summary>What the frame is.</summary>
        public string? Description { get; }

        /// <summary>First address byte of the frame.</summary>
        public byte AddressHigh { get; }

        /// <summary>Second address byte of the frame.</summary>
        public byte AddressLow { get; }

        /// <summary>The command byte that follows the frame number.</summary>
        public byte Command { get; }

        /// <summary>Index of the flag that allows sending frames at all.</summary>
        public int SendWhenFlag { get; }

        /// <summary>Index of the flag that selects the longer (low-power) interval.</summary>
        public int LowPowerFlag { get; }

        /// <summary>Repeat interval while the Multi is on.</summary>
        public long NormalIntervalMilliseconds { get; }

        /// <summary>Repeat interval in low-power mode.</summary>
        public long LowPowerIntervalMilliseconds { get; }

        /// <summary>Payload bytes after the command byte.</summary>
        public int PayloadLength { get; }

        /// <summary>The payload fields.</summary>
        public IReadOnlyList<VeBusField> Fields { get; }

        /// <summary>"source: … | assumption: …".</summary>
        public string Provenance { get; }
    }

    /// <summary>A payload field: one flag bit, or a little-endian constant of whole bytes.</summary>
    public sealed class VeBusField
    {
        /// <summary>Creates the field.</summary>
        public VeBusField(string name, int flag, long value, int @byte, int bit, int bytes)
        {
            Name = name;
            Flag = flag;
            Value = value;
            Byte = @byte;
            Bit = bit;
            Bytes = bytes;
        }

        /// <summary>The field's name on the wire.</summary>
        public string Name { get; }

        /// <summary>Index of the engine flag it carries, or −1 for a constant.</summary>
        public int Flag { get; }

        /// <summary>The constant's value (constants only).</summary>
        public long Value { get; }

        /// <summary>Payload byte index.</summary>
        public int Byte { get; }

        /// <summary>Bit in that byte (flags only; −1 for constants).</summary>
        public int Bit { get; }

        /// <summary>Width in bytes (constants only; 0 for flags).</summary>
        public int Bytes { get; }

        /// <summary>True for a flag bit.</summary>
        public bool IsFlag => Flag >= 0;
    }
}
