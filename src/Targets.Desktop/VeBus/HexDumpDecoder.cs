using System;
using System.IO;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Desktop.VeBus;

/// <summary>
/// Decodes a hex dump: by default each line is one frame (several frames on a line are split at their end bytes,
/// and a line that does not end a frame is reported truncated); with <c>stream</c> the lines are one byte stream,
/// as a wrapped capture is. Writes one line per frame or rejection.
/// </summary>
internal sealed class HexDumpDecoder : IVeBusFrameSink
{
    private readonly VeBusBmsFrameFormat? _bms;
    private readonly TextWriter _output;

    public HexDumpDecoder(VeBusBmsFrameFormat? bms, TextWriter output)
    {
        _bms = bms;
        _output = output;
    }

    public int Frames { get; private set; }

    public int Rejections { get; private set; }

    /// <summary>Decodes <paramref name="input"/>; throws <see cref="FormatException"/> with the line number for text that is not hex.</summary>
    public void Decode(TextReader input, bool stream)
    {
        var receiver = new VeBusReceiver(this);
        var number = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            number++;
            byte[] bytes;
            try
            {
                bytes = HexInput.ParseLine(line);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {number}: {ex.Message}", ex);
            }
            if (bytes.Length == 0) continue;
            receiver.Feed(bytes);
            if (!stream) receiver.Flush();
        }
        receiver.Flush();
    }

    void IVeBusFrameSink.OnFrame(in VeBusFrame frame)
    {
        Frames++;
        _output.WriteLine(FrameDescription.Accepted(frame, _bms));
    }

    void IVeBusFrameSink.OnRejected(VeBusFrameError error, ReadOnlySpan<byte> bytes)
    {
        Rejections++;
        _output.WriteLine(FrameDescription.Rejected(error, bytes));
    }
}
