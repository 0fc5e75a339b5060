namespace BmsRules.Runtime.VeBus
{
    /// <summary>Byte 2 of a VE.Bus frame: what kind of frame follows (vebus.md, "Physical and link layer").</summary>
    public enum VeBusFrameKind : byte
    {
        /// <summary>The Multi's sync frame (<c>FD</c>), sent every 20 ms; other devices talk in the gap after it.</summary>
        Sync = 0xFD,

        /// <summary>A data frame (<c>FE</c>).</summary>
        Data = 0xFE,
    }
}
