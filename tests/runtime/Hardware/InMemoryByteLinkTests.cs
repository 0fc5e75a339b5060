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
}
