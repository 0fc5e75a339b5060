using System;
using BmsRules.Runtime.Hardware;
using Xunit;

namespace BmsRules.Runtime.Tests.Hardware;

/// <summary>The in-memory duplex pipe the VE.Bus tests and simulations run on.</summary>
public sealed class InMemoryByteLinkTests
{
    [Fact]
    public void What_one_end_writes_the_other_reads_in_order_in_both_directions()
    {
        var (a, b) = InMemoryByteLink.CreatePair(16);
        var buffer = new byte[16];

        a.Write(new byte[] { 1, 2, 3 });
        b.Write(new byte[] { 9 });

        Assert.Equal(3, b.BytesAvailable);
        Assert.Equal(2, b.Read(buffer.AsSpan(0, 2)));
        Assert.Equal(new byte[] { 1, 2 }, buffer[..2]);
        Assert.Equal(1, b.Read(buffer));
        Assert.Equal(3, buffer[0]);
        Assert.Equal(0, b.Read(buffer));
        Assert.Equal(1, a.Read(buffer));
        Assert.Equal(9, buffer[0]);
        Assert.Equal(3, a.BytesWritten);
    }

    [Fact]
    public void A_reader_that_falls_behind_loses_the_oldest_bytes_and_is_told_how_many()
    {
        var (a, b) = InMemoryByteLink.CreatePair(4);
        var buffer = new byte[8];

        a.Write(new byte[] { 1, 2, 3, 4, 5, 6 });

        Assert.Equal(4, b.Read(buffer));
        Assert.Equal(new byte[] { 3, 4, 5, 6 }, buffer[..4]);
        Assert.Equal(2, b.Overruns);
    }

    [Fact]
    public void Bytes_come_out_in_order_across_the_ring_s_wrap_in_any_chunking()
    {
        var (a, b) = InMemoryByteLink.CreatePair(7);
        var random = new Random(4);
        var expected = new System.Collections.Generic.Queue<byte>();
        var buffer = new byte[9];
        byte next = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var chunk = new byte[random.Next(0, 5)];
            for (var i = 0; i < chunk.Length; i++) chunk[i] = next++;
            a.Write(chunk);
            foreach (var x in chunk) expected.Enqueue(x);
            while (expected.Count > 7) expected.Dequeue();

            var n = b.Read(buffer.AsSpan(0, random.Next(0, 9)));
            for (var i = 0; i < n; i++) Assert.Equal(expected.Dequeue(), buffer[i]);
            Assert.Equal(expected.Count, b.BytesAvailable);
        }
        Assert.True(b.Overruns > 0);
    }
}
