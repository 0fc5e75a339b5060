using System;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// What the engine decided in one control cycle, as plain bits, for a consumer on another thread (the
    /// VE.Bus link service building BMS frames). Bit i of <see cref="Flags"/> is flag i of the engine
    /// descriptor; bit i of <see cref="OutputsHigh"/> is output i.
    /// </summary>
    public readonly struct EngineSnapshot
    {
        /// <summary>Creates the snapshot.</summary>
        public EngineSnapshot(long cycle, long stepTimeMs, ulong flags, ulong outputsHigh, ulong activeCodes, int primaryCode)
        {
            Cycle = cycle;
            StepTimeMs = stepTimeMs;
            Flags = flags;
            OutputsHigh = outputsHigh;
            ActiveCodes = activeCodes;
            PrimaryCode = primaryCode;
        }

        /// <summary>Number of the cycle (0: no cycle has run yet; everything off, the safe reading).</summary>
        public long Cycle { get; }

        /// <summary>When the engine stepped (ms).</summary>
        public long StepTimeMs { get; }

        /// <summary>Flags, bit i = flag i.</summary>
        public ulong Flags { get; }

        /// <summary>Outputs driven high, bit i = output i.</summary>
        public ulong OutputsHigh { get; }

        /// <summary>Active codes, bit i = code i.</summary>
        public ulong ActiveCodes { get; }

        /// <summary>The most severe active code's index + 1, or 0.</summary>
        public int PrimaryCode { get; }

        /// <summary>Flag <paramref name="index"/>.</summary>
        public bool Flag(int index) => index >= 0 && index < 64 && (Flags & (1UL << index)) != 0;

        /// <summary>Whether output <paramref name="index"/> was high.</summary>
        public bool IsHigh(int index) => index >= 0 && index < 64 && (OutputsHigh & (1UL << index)) != 0;
    }

    /// <summary>
    /// Publishes an <see cref="EngineSnapshot"/> after every cycle; any thread reads the latest. A lock
    /// around a struct copy: no allocation, and the reader never sees half a cycle.
    /// </summary>
    public sealed class EngineSnapshotPublisher : ICycleObserver
    {
        private readonly object _gate = new object();
        private EngineSnapshot _latest;
        private long _cycles;

        /// <summary>Creates the publisher for engines described by <paramref name="descriptor"/> (at most 64 flags and outputs).</summary>
        public EngineSnapshotPublisher(Introspection.EngineDescriptor descriptor)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            if (descriptor.Flags.Count > 64 || descriptor.Outputs.Count > 64)
                throw new ArgumentException("A snapshot holds at most 64 flags and 64 outputs.", nameof(descriptor));
        }

        /// <summary>Names of the flags and outputs (resolve indices once, then read bits).</summary>
        public Introspection.EngineDescriptor Descriptor { get; }

        /// <summary>The latest snapshot (any thread).</summary>
        public EngineSnapshot Latest
        {
            get
            {
                lock (_gate) return _latest;
            }
        }

        /// <inheritdoc/>
        public void CycleCompleted(IRuleEngine engine, long stepTimeMs)
        {
            ulong flags = 0, outputs = 0;
            for (var i = 0; i < Descriptor.Flags.Count; i++) if (engine.GetFlag(i)) flags |= 1UL << i;
            for (var i = 0; i < Descriptor.Outputs.Count; i++) if (engine.GetOutput(i) == OutputLevel.High) outputs |= 1UL << i;
            var snapshot = new EngineSnapshot(++_cycles, stepTimeMs, flags, outputs, engine.ActiveCodes, engine.PrimaryCode);
            lock (_gate) _latest = snapshot;
        }
    }
}
