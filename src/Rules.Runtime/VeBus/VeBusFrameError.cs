namespace BmsRules.Runtime.VeBus
{
    /// <summary>Why bytes from the bus were not accepted as a frame.</summary>
    public enum VeBusFrameError : byte
    {
        /// <summary>Accepted.</summary>
        None = 0,

        /// <summary>Bytes that do not start like a frame, dropped while looking for the next frame start.</summary>
        Garbage,

        /// <summary>Shorter than the smallest frame, or cut off before its end byte <c>FF</c> (the next frame followed).</summary>
        Truncated,

        /// <summary>No end byte within <see cref="VeBusFrameCodec.MaxWireLength"/> bytes.</summary>
        TooLong,

        /// <summary>Byte 2 is neither <c>FD</c> (sync) nor <c>FE</c> (data).</summary>
        BadKind,

        /// <summary>The frame number (byte 3) is above 127.</summary>
        BadFrameNumber,

        /// <summary>A sync frame without the <c>55</c> marker at byte 4.</summary>
        BadSyncMarker,

        /// <summary>
        /// A byte <c>FA</c>–<c>FF</c> inside the frame that is not part of a valid escape: <c>FA</c> must be followed by
        /// <c>7A</c>–<c>7F</c> (a stuffed payload byte) or, as the last pair before the end byte, by <c>01</c>–<c>05</c>
        /// (an escaped checksum); a bare <c>FA</c> is allowed only as the checksum itself.
        /// </summary>
        BadStuffing,

        /// <summary>The checksum does not match the bytes it covers.</summary>
        BadChecksum,
    }
}
