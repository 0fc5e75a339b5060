using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class DigitalInputTests
{
    [Fact]
    public void An_active_low_opto_input_is_present_when_its_pin_is_pulled_low()
    {
        var pin = new FakeInputPin { Level = false };
        var source = new DigitalSignalSource(pin, activeLow: true);
        Assert.Equal(1d, source.Read());
        pin.Level = true;
        Assert.Equal(0d, source.Read());
    }

    [Fact]
    public void An_active_high_input_follows_its_pin()
    {
        var pin = new FakeInputPin { Level = true };
        Assert.Equal(1d, new DigitalSignalSource(pin, activeLow: false).Read());
    }

    [Fact]
    public void A_broken_btv_wire_reads_as_not_allowed_and_the_bms_disconnects()
    {
        var rig = new BoardRig().Healthy();
        rig.Run(1_000);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
        Assert.Equal(OutputLevel.High, rig.Atc.Level);

        // An open opto leaves the pulled-up pin high: "allowed to discharge" disappears.
        rig.Io.Inputs["D11"].Level = true;
        rig.Run(31_000);
        Assert.Equal(OutputLevel.Floating, rig.Atd.Level);

        rig.Io.Inputs["D10"].Level = true;
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
    }

    [Fact]
    public void The_shared_link_input_is_NaN_until_the_link_writes_it()
    {
        var input = new SharedInput();
        Assert.True(double.IsNaN(input.Read()));
        input.Set(true);
        Assert.Equal(1d, input.Read());
        input.Invalidate();
        Assert.True(double.IsNaN(input.Read()));
    }
}
