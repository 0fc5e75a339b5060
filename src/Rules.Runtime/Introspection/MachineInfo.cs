using System;
using System.Collections.Generic;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>
    /// A state machine's structure, in the vocabulary of Stateless: states, triggers, transitions with
    /// guard descriptions, permitted triggers per state. Built once; never touched by the step.
    /// </summary>
    public sealed class MachineInfo
    {
        private readonly Dictionary<string, StateInfo> _byName = new Dictionary<string, StateInfo>(StringComparer.Ordinal);

        /// <summary>
        /// Creates the info. <paramref name="stateNames"/>/<paramref name="stateDescriptions"/> are parallel;
        /// <paramref name="transitions"/> list one entry per source state, in priority order.
        /// </summary>
        public MachineInfo(string name, string? description, string provenance, string[] stateNames, string?[] stateDescriptions,
            int initialState, string[] triggers, TransitionInfo.Definition[] transitions)
        {
            Name = name;
            Description = description;
            Provenance = provenance;
            Triggers = triggers;
            var states = new StateInfo[stateNames.Length];
            for (var i = 0; i < states.Length; i++)
            {
                states[i] = new StateInfo(this, i, stateNames[i], stateDescriptions[i]);
                _byName.Add(stateNames[i], states[i]);
            }
            States = states;
            InitialState = states[initialState];

            var all = new List<TransitionInfo>();
            foreach (var definition in transitions)
            {
                var transition = new TransitionInfo(triggers[definition.Trigger], definition.Trigger, states[definition.From],
                    states[definition.To], definition.Guard, definition.Timer, definition.TimerMilliseconds, definition.Description,
                    definition.Provenance, states[definition.From].AddOutgoing());
                states[definition.From].Outgoing.Add(transition);
                all.Add(transition);
            }
            Transitions = all;
        }

        /// <summary>The machine's name.</summary>
        public string Name { get; }

        /// <summary>What it decides.</summary>
        public string? Description { get; }

        /// <summary>"source: … | assumption: …".</summary>
        public string Provenance { get; }

        /// <summary>All states, by index.</summary>
        public IReadOnlyList<StateInfo> States { get; }

        /// <summary>The power-up state.</summary>
        public StateInfo InitialState { get; }

        /// <summary>All trigger names, by index.</summary>
        public IReadOnlyList<string> Triggers { get; }

        /// <summary>All transitions (one per source state), grouped by source in priority order.</summary>
        public IReadOnlyList<TransitionInfo> Transitions { get; }

        /// <summary>The state called <paramref name="name"/>.</summary>
        public StateInfo State(string name) =>
            _byName.TryGetValue(name, out var state) ? state : throw new ArgumentException($"Machine {Name} has no state '{name}'.", nameof(name));

        /// <summary>The triggers that can fire in <paramref name="state"/> (when their guards hold), in priority order.</summary>
        public IReadOnlyList<string> PermittedTriggers(string state)
        {
            var result = new List<string>();
            foreach (var transition in State(state).Outgoing)
            {
                if (!result.Contains(transition.Trigger)) result.Add(transition.Trigger);
            }
            return result;
        }
    }

    /// <summary>A state of a machine.</summary>
    public sealed class StateInfo
    {
        private int _outgoingCount;

        internal StateInfo(MachineInfo machine, int index, string name, string? description)
        {
            Machine = machine;
            Index = index;
            Name = name;
            Description = description;
        }

        /// <summary>The machine it belongs to.</summary>
        public MachineInfo Machine { get; }

        /// <summary>Its index (the byte value of the generated state enum).</summary>
        public int Index { get; }

        /// <summary>Its name.</summary>
        public string Name { get; }

        /// <summary>What it means.</summary>
        public string? Description { get; }

        /// <summary>Transitions leaving it, in priority order (the first whose guard holds fires).</summary>
        public List<TransitionInfo> Outgoing { get; } = new List<TransitionInfo>();

        internal int AddOutgoing() => ++_outgoingCount;

        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    /// <summary>A guarded transition from one state to another.</summary>
    public sealed class TransitionInfo
    {
        internal TransitionInfo(string trigger, int triggerIndex, StateInfo source, StateInfo destination, string guard, string? timer,
            long timerMilliseconds, string? description, string provenance, int priority)
        {
            Trigger = trigger;
            TriggerIndex = triggerIndex;
            Source = source;
            Destination = destination;
            GuardDescription = guard;
            Timer = timer;
            TimerMilliseconds = timerMilliseconds;
            Description = description;
            Provenance = provenance;
            Priority = priority;
        }

        /// <summary>The trigger's name.</summary>
        public string Trigger { get; }

        /// <summary>The trigger's index.</summary>
        public int TriggerIndex { get; }

        /// <summary>The state it leaves.</summary>
        public StateInfo Source { get; }

        /// <summary>The state it enters.</summary>
        public StateInfo Destination { get; }

        /// <summary>The guard condition as written in the spec.</summary>
        public string GuardDescription { get; }

        /// <summary>The timer that must have run in the source state, if any.</summary>
        public string? Timer { get; }

        /// <summary>That timer's duration (0 when none).</summary>
        public long TimerMilliseconds { get; }

        /// <summary>What it does.</summary>
        public string? Description { get; }

        /// <summary>"source: … | assumption: …".</summary>
        public string Provenance { get; }

        /// <summary>1 for the first transition checked in the source state, 2 for the next, …</summary>
        public int Priority { get; }

        /// <summary>Guard and timer as one line, e.g. "Undervoltage after PreAlarmMinimum (30 s)".</summary>
        public string Condition =>
            Timer is null ? GuardDescription : $"{GuardDescription} after {Timer} ({Durations.Format(TimerMilliseconds)})";

        /// <summary>The data the generated code passes to build a transition.</summary>
        public readonly struct Definition
        {
            /// <summary>Creates the definition.</summary>
            public Definition(int trigger, int from, int to, string guard, string? timer, long timerMilliseconds, string? description, string provenance)
            {
                Trigger = trigger;
                From = from;
                To = to;
                Guard = guard;
                Timer = timer;
                TimerMilliseconds = timerMilliseconds;
                Description = description;
                Provenance = provenance;
            }

            /// <summary>Trigger index.</summary>
            public int Trigger { get; }
            /// <summary>Source state index.</summary>
            public int From { get; }
            /// <summary>Destination state index.</summary>
            public int To { get; }
            /// <summary>Guard text.</summary>
            public string Guard { get; }
            /// <summary>Timer name or null.</summary>
            public string? Timer { get; }
            /// <summary>Timer duration.</summary>
            public long TimerMilliseconds { get; }
            /// <summary>Description.</summary>
            public string? Description { get; }
            /// <summary>Provenance text.</summary>
            public string Provenance { get; }
        }
    }
}
