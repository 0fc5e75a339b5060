using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime
{
    /// <summary>
    /// The index-based view of a generated engine, for code that must work with any product
    /// (the controller, the simulator, the property tests). Indices follow the order of the
    /// spec and are listed in <see cref="IFlagSource.Descriptor"/>. Every member is allocation-free.
    /// Each generated engine also has a typed API: a readonly inputs struct, an outputs struct
    /// and <c>Step(in inputs, nowMs)</c>; both views drive the same state.
    /// </summary>
    public interface IRuleEngine : IFlagSource
    {
        /// <summary>Back to the power-up state: machines at their initial states, thresholds released, timers cleared, inputs unset (numbers NaN).</summary>
        void Reset();

        /// <summary>Sets input <paramref name="index"/> for the next <see cref="Step"/>. Bools: non-zero is true; sequences: the counter value.</summary>
        void SetInput(int index, double value);

        /// <summary>Sets setting <paramref name="index"/>; an out-of-range value is replaced by the default and its code raised.</summary>
        void SetSetting(int index, double value);

        /// <summary>The effective value of setting <paramref name="index"/> (after range checking).</summary>
        double GetSetting(int index);

        /// <summary>Evaluates one step at monotonic time <paramref name="nowMs"/> (milliseconds) with the inputs set so far.</summary>
        void Step(long nowMs);

        /// <summary>Output <paramref name="index"/> after the last step.</summary>
        OutputLevel GetOutput(int index);

        /// <summary>Condition <paramref name="index"/> (thresholds first, then signals) after the last step.</summary>
        bool GetCondition(int index);

        /// <summary>The zone index of band <paramref name="index"/>.</summary>
        int GetZone(int index);

        /// <summary>The state index of machine <paramref name="index"/>.</summary>
        int GetState(int index);

        /// <summary>The trigger index (into <see cref="MachineInfo.Triggers"/>) of the last transition of machine <paramref name="index"/>, or −1.</summary>
        int GetLastTrigger(int index);

        /// <summary>When machine <paramref name="index"/> entered its current state (ms).</summary>
        long GetStateSince(int index);

        /// <summary>The value index (or pattern index, for LEDs) of table <paramref name="index"/>.</summary>
        int GetTableValue(int index);

        /// <summary>The numeric value of table <paramref name="index"/> (its value index for name tables).</summary>
        double GetTableNumber(int index);

        /// <summary>Whether LED table <paramref name="index"/> is lit now (false for tables that are not LEDs).</summary>
        bool IsLedLit(int index);

        /// <summary>Active codes, bit i = code i of <see cref="EngineDescriptor.Codes"/>.</summary>
        ulong ActiveCodes { get; }

        /// <summary>The most severe active code's index + 1, or 0 when none is active.</summary>
        int PrimaryCode { get; }

        /// <summary>Inputs invalid in the last step (NaN, ±∞, out of range, stale), bit i = input i.</summary>
        ulong InvalidInputs { get; }

        /// <summary>Settings replaced by their default because they were out of range, bit i = setting i.</summary>
        ulong InvalidSettings { get; }
    }
}
