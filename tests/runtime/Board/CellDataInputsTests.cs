using BmsRules.Runtime.Board;
using Xunit;

namespace BmsRules.Runtime.Tests.Board;

public sealed class CellDataInputsTests
{
    [Fact]
    public void Before_the_first_reading_every_cell_input_is_NaN()
    {
        var cells = new CellDataInputs();
        cells.Sample();
        Assert.True(double.IsNaN(cells.CellMinVoltage.Read()));
        Assert.True(double.IsNaN(cells.CellMaxVoltage.Read()));
        Assert.True(double.IsNaN(cells.BatteryTemperature.Read()));
        Assert.True(double.IsNaN(cells.BatteryDataSequence.Read()));
    }

    [Fact]
    public void A_cycle_sees_one_whole_reading_even_if_the_monitor_publishes_meanwhile()
    {
        var cells = new CellDataInputs();
        cells.Publish(3.30, 3.35, 20);
        cells.Sample();
        cells.Publish(2.70, 2.75, 21); // arrives while the cycle reads
        Assert.Equal(3.30, cells.CellMinVoltage.Read());
        Assert.Equal(3.35, cells.CellMaxVoltage.Read());
        Assert.Equal(20, cells.BatteryTemperature.Read());
        Assert.Equal(1, cells.BatteryDataSequence.Read());

        cells.Sample();
        Assert.Equal(2.70, cells.CellMinVoltage.Read());
        Assert.Equal(2, cells.BatteryDataSequence.Read());
    }

    [Fact]
    public void On_the_monitor_board_silence_from_the_monitor_keeps_loads_and_chargers_disconnected_and_raises_the_pre_alarm()
    {
        var rig = new BoardRig(BoardProfiles.MeadowF7FeatherV2In("BatteryMonitor")).Healthy();
        rig.Run(10_000);
        Assert.False(rig.Atd.WasEverHigh);
        Assert.False(rig.Atc.WasEverHigh);
        // The spec raises the pre-alarm when battery data are lost (PreAlarm output, Health.Fault).
        Assert.Equal(OutputLevel.High, rig.PreAlarm.Level);
        Assert.NotEqual(0UL, rig.Board.Engine.ActiveCodes & (1UL << rig.Board.Engine.Descriptor.Code("E02")));
    }

    [Fact]
    public void On_the_monitor_board_published_cell_data_drive_the_engine()
    {
        var rig = new BoardRig(BoardProfiles.MeadowF7FeatherV2In("BatteryMonitor")).Healthy();
        var cells = rig.Board.CellData!;
        for (var i = 0; i < 10; i++)
        {
            cells.Publish(3.30, 3.35, 20);
            rig.Run(100);
        }
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
        Assert.Equal(OutputLevel.High, rig.Atc.Level);

        cells.Publish(3.30, 4.05, 20);
        rig.Run(100);
        Assert.Equal(OutputLevel.Floating, rig.Atc.Level);
        Assert.Equal(OutputLevel.High, rig.Atd.Level);
    }
}
