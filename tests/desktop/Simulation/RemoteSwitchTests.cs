using BmsRules.Simulation;

namespace BmsRules.Desktop.Tests.Simulation;

public class RemoteSwitchTests
{
    [Theory]
    [InlineData(RemoteWiring.Loop, true, true, 13.2, 0)]
    [InlineData(RemoteWiring.Loop, false, false, 13.2, 0)]
    [InlineData(RemoteWiring.LToMinus, true, false, 0, 0)]
    [InlineData(RemoteWiring.LToMinus, false, false, 13.2, 0)]
    [InlineData(RemoteWiring.HToPlus, true, false, 13.2, 12.9)]
    [InlineData(RemoteWiring.None, true, false, 13.2, 0)]
    [Trait("Covers", "V2-07")]
    public void The_wiring_decides_what_the_terminals_read(RemoteWiring wiring, bool on, bool loop, double l, double h)
    {
        var remote = new RemoteSwitch { Wiring = wiring, On = on };

        Assert.Equal(loop, remote.LoopClosed);
        Assert.Equal(l, remote.LVoltage(13.2), 6);
        Assert.Equal(h, remote.HVoltage(13.2), 6);
    }
}
