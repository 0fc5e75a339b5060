using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// The engine's flags as of the last completed control cycle, for the VE.Bus link thread: <see cref="Refresh"/>
    /// takes one consistent snapshot, and every <see cref="GetFlag"/> until the next refresh reads that copy, so a BMS
    /// frame never mixes two cycles. Before the first cycle every flag is off (the safe reading).
    /// </summary>
    public sealed class SnapshotFlagSource : IFlagSource
    {
        private readonly EngineSnapshotPublisher _publisher;
        private EngineSnapshot _snapshot;

        /// <summary>Reads snapshots from <paramref name="publisher"/>.</summary>
        public SnapshotFlagSource(EngineSnapshotPublisher publisher) => _publisher = publisher;

        /// <inheritdoc/>
        public EngineDescriptor Descriptor => _publisher.Descriptor;

        /// <summary>The cycle the flags come from (0 before the first).</summary>
        public long Cycle => _snapshot.Cycle;

        /// <summary>Takes the latest snapshot.</summary>
        public void Refresh() => _snapshot = _publisher.Latest;

        /// <inheritdoc/>
        public bool GetFlag(int index) => _snapshot.Flag(index);
    }
}
