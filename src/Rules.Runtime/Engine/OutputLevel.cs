namespace BmsRules.Runtime
{
    /// <summary>
    /// The two states of a BMS output terminal. Floating is the safe one: an unpowered, resetting or
    /// faulty BMS leaves its terminals floating, and a floating ATD/ATC disconnects loads/chargers.
    /// </summary>
    public enum OutputLevel : byte
    {
        /// <summary>Open circuit: the connected load or charger is off (the safe default, value 0).</summary>
        Floating = 0,

        /// <summary>Driven to the supply voltage (about V_bat − 1 V): the connected device may run.</summary>
        High = 1,
    }
}
