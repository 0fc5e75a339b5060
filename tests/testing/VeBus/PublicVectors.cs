using System.Collections.Generic;

namespace BmsRules.Testing.VeBus;

/// <summary>One test vector of ../shared/reference/vebus.md with the fields it documents.</summary>
public sealed record PublicVector(string Name, string Wire, string Address, bool Sync, int FrameNumber, string Payload);

/// <summary>The test vectors of ../shared/reference/vebus.md ("Test vectors"), with their documented meaning.</summary>
public static class PublicVectors
{
    /// <summary>Sync from the Multi: frame number 2, marker 55, unknown 51, timestamp 18 02.</summary>
    public static readonly PublicVector Sync = new("sync", "83 83 FD 02 55 51 18 02 97 FF", "83 83", true, 0x02, "55 51 18 02");

    /// <summary>Reply to device id 00 E6: 87 = "write RAM var OK".</summary>
    public static readonly PublicVector RamVarWritten = new("reply 87", "83 83 FE 3C 00 E6 87 5A FF", "83 83", false, 0x3C, "00 E6 87");

    /// <summary>E4 AC phase frame (50 Hz).</summary>
    public static readonly PublicVector PhaseInfo = new("E4 phase", "83 83 FE 03 E4 80 50 C3 40 0D 03 00 0E 00 00 00 A8 09 00 7A FF", "83 83", false, 0x03,
        "E4 80 50 C3 40 0D 03 00 0E 00 00 00 A8 09 00");

    /// <summary>ESS set-point −100 W: WriteViaID (37), flags 02, id 83, value 9C FF with the FF stuffed as FA 7F.</summary>
    public static readonly PublicVector WriteViaId = new("WriteViaID -100 W", "98 F7 FE 10 00 E6 37 02 83 9C FA 7F 3C FF", "98 F7", false, 0x10,
        "00 E6 37 02 83 9C FF");

    /// <summary>All of them.</summary>
    public static IReadOnlyList<PublicVector> All { get; } = new[] { Sync, RamVarWritten, PhaseInfo, WriteViaId };
}
