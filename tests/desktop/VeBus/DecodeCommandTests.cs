using System;
using System.IO;
using System.Linq;
using BmsRules.Desktop.Commands;
using BmsRules.Testing.VeBus;
using Xunit;

namespace BmsRules.Desktop.Tests.VeBus;

/// <summary><c>bms vebus decode</c>: exact lines for the vebus.md vectors, rejections with reasons, exit codes.</summary>
public sealed class DecodeCommandTests
{
    private static (int Code, string[] Lines, string Error) Decode(string input, bool stream = false, string? file = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = VeBusDecodeCommand.Run(file, stream, "VeBusBmsV2", new StringReader(input), output, error);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(), error.ToString());
    }

    [Fact]
    public void The_public_vectors_decode_to_these_exact_lines_and_re_encode_byte_for_byte()
    {
        var (code, lines, _) = Decode(string.Join("\n", PublicVectors.All.Select(v => v.Wire)));

        Assert.Equal(0, code);
        Assert.Equal(new[]
        {
            "ok addr=83:83 kind=sync fn=2 unknown=0x51 timestamp=0x0218 | 83 83 FD 02 55 51 18 02 97 FF",
            "ok addr=83:83 kind=data fn=60 device-id=00E6 reply=0x87 ram-var-written | 83 83 FE 3C 00 E6 87 5A FF",
            "ok addr=83:83 kind=data fn=3 type=0xE4 phase-info ac-frequency=50.000Hz | 83 83 FE 03 E4 80 50 C3 40 0D 03 00 0E 00 00 00 A8 09 00 7A FF",
            "ok addr=98:F7 kind=data fn=16 device-id=00E6 command=0x37 write-via-id flags=0x02 id=0x83 value=-100 | 98 F7 FE 10 00 E6 37 02 83 9C FA 7F 3C FF",
        }, lines);
        Assert.Equal(PublicVectors.All.Select(v => v.Wire), lines.Select(l => l.Split(" | ")[1]));
    }

    [Fact]
    public void A_BMS_frame_decodes_to_its_provisional_fields()
    {
        var (code, lines, _) = Decode("83 83 FE 3D 60 03 F4 7C 11 E2 FF");

        Assert.Equal(0, code);
        Assert.Equal("ok addr=83:83 kind=data fn=61 bms-frame(provisional) AllowToCharge=1 AllowToDischarge=1 ChargeReduction=0 " +
                     "LowPowerMode=0 Version=1146100 | 83 83 FE 3D 60 03 F4 7C 11 E2 FF", Assert.Single(lines));
    }

    [Fact]
    public void Rejected_lines_name_the_reason_and_what_header_there_is_and_exit_1()
    {
        var (code, lines, error) = Decode("83 83 FE 3C 00 E6 87 5B FF\n12 34\n83 83 FE 3C 00\n83 83 FC 3C 00 E6 87 5A FF\n83 83 FE 00 FA 00 05 FF");

        Assert.Equal(1, code);
        Assert.Equal(new[]
        {
            "BadChecksum addr=83:83 kind=data fn=60 | 83 83 FE 3C 00 E6 87 5B FF",
            "Garbage | 12 34",
            "Truncated addr=83:83 kind=data fn=60 | 83 83 FE 3C 00",
            "BadKind addr=83:83 kind=0xFC fn=60 | 83 83 FC 3C 00 E6 87 5A FF",
            "BadStuffing addr=83:83 kind=data fn=0 | 83 83 FE 00 FA 00 05 FF",
        }, lines);
        Assert.Contains("0 frame(s) ok, 5 rejected", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_frames_on_one_line_are_split_at_their_end_bytes()
    {
        var (code, lines, _) = Decode(PublicVectors.Sync.Wire + " " + PublicVectors.RamVarWritten.Wire);

        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Stream_mode_reads_a_capture_wrapped_across_lines()
    {
        var bytes = string.Join(" ", PublicVectors.All.Select(v => v.Wire)).Split(' ');
        var wrapped = string.Join("\n", bytes.Chunk(8).Select(c => string.Join("", c)));

        var asLines = Decode(wrapped);
        var asStream = Decode(wrapped, stream: true);

        Assert.Equal(1, asLines.Code);
        Assert.Equal(0, asStream.Code);
        Assert.Equal(PublicVectors.All.Select(v => v.Wire), asStream.Lines.Select(l => l.Split(" | ")[1]));
    }

    [Fact]
    public void Hex_may_be_written_with_0x_commas_colons_or_run_together_and_comments_are_ignored()
    {
        var (code, lines, _) = Decode("# a capture\n0x83,0x83,0xFD,0x02,0x55,0x51,0x18,0x02,0x97,0xFF\n83:83:FE:3C:00:E6:87:5A:FF  # reply\n\n8383FE0300E4");

        Assert.Equal(1, code);
        Assert.StartsWith("ok addr=83:83 kind=sync fn=2", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ok addr=83:83 kind=data fn=60", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Truncated", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("83 83 zz", "line 1: 'zz' is not hex")]
    [InlineData("83 83\n838", "line 2: '838' is not hex bytes")]
    public void Text_that_is_not_hex_stops_with_its_line_and_exit_2(string input, string message)
    {
        var (code, _, error) = Decode(input);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_with_exit_2()
    {
        var (code, _, error) = Decode("", file: "/nonexistent/capture.hex");

        Assert.Equal(2, code);
        Assert.Contains("cannot read '/nonexistent/capture.hex'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_argument_is_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, PublicVectors.WriteViaId.Wire + "\n");
            var (code, lines, _) = Decode("", file: path);
            Assert.Equal(0, code);
            Assert.EndsWith("| " + PublicVectors.WriteViaId.Wire, Assert.Single(lines), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_command_runs_from_the_command_line()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        var previousIn = Console.In;
        try
        {
            Console.SetOut(output);
            Console.SetIn(new StringReader(PublicVectors.Sync.Wire));
            var code = Program.Main(new[] { "vebus", "decode", "-" });
            Assert.Equal(0, code);
        }
        finally
        {
            Console.SetOut(previous);
            Console.SetIn(previousIn);
        }
        Assert.StartsWith("ok addr=83:83 kind=sync fn=2", output.ToString(), StringComparison.Ordinal);
    }
}
