using System;
using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime.VeBus
{
    /// <summary>
    /// The spec's MultiOn rule (board section, <c>multi_on: rule: vebus-sync</c>): the Multi counts as on while its
    /// last VE.Bus sync frame is at most <see cref="WithinMilliseconds"/> old. One rule for the board's link service
    /// and the simulator's bus, so both tell the engine the same thing from the same bus.
    /// </summary>
    public sealed class MultiOnRule
    {
        private const long Never = long.MinValue / 2;
        private long _lastSyncMs = Never;

        /// <summary>Creates the rule with its window.</summary>
        public MultiOnRule(long withinMilliseconds)
        {
            if (withinMilliseconds <= 0) throw new ArgumentOutOfRangeException(nameof(withinMilliseconds), withinMilliseconds, "The window must be positive.");
            WithinMilliseconds = withinMilliseconds;
        }

        /// <summary>The rule <paramref name="board"/> states.</summary>
        public static MultiOnRule Of(BoardDescriptor board) =>
            new MultiOnRule((board ?? throw new ArgumentNullException(nameof(board))).MultiOnWithinMilliseconds);

        /// <summary>How recent the last sync frame must be (ms).</summary>
        public long WithinMilliseconds { get; }

        /// <summary>A sync frame was seen at <paramref name="nowMs"/>.</summary>
        public void SyncSeen(long nowMs)
        {
            if (nowMs > _lastSyncMs) _lastSyncMs = nowMs;
        }

        /// <summary>Forgets every sync seen (the BMS lost power or the link was closed).</summary>
        public void Forget() => _lastSyncMs = Never;

        /// <summary>Whether the Multi counts as on at <paramref name="nowMs"/>.</summary>
        public bool IsOn(long nowMs) => nowMs - _lastSyncMs <= WithinMilliseconds;
    }
}
