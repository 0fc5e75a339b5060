using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

// Machines: states, an initial state, and guarded transitions (optionally after a timer in the
// source state). Every state must be reachable from the initial one.
internal sealed partial class ProductValidator
{
    private EquatableArray<EMachine> Machines()
    {
        var result = new List<EMachine>();
        for (var m = 0; m < _product.Machines.Count; m++)
        {
            var machine = _product.Machines[m];
            var name = machine.Name.Text;
            var stateIndex = new Dictionary<string, int>(System.StringComparer.Ordinal);
            var states = new List<EState>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var state in machine.States)
            {
                if (!NewLocalName(state.Name, "State", seen, $"machine '{name}'")) continue;
                stateIndex.Add(state.Name.Text, states.Count);
                states.Add(new EState(state.Name.Text, state.Description?.Trim()));
            }
            if (states.Count == 0)
            {
                _d.Report(DiagnosticRules.MissingKey, machine.Name.Span, $"Machine '{name}'", "states");
                continue;
            }

            var initial = StateRef(machine.Initial, stateIndex, name);
            var transitions = new List<ETransition>();
            foreach (var transition in machine.Transitions)
            {
                if (!Identifiers.IsValidShape(transition.Trigger.Text))
                {
                    _d.Report(DiagnosticRules.InvalidValue, transition.Trigger.Span, $"Trigger name '{transition.Trigger.Text}' must start with a capital letter and use letters and digits");
                }
                var to = StateRef(transition.To, stateIndex, name);
                var from = new List<int>();
                foreach (var source in transition.From)
                {
                    if (source.Text == "*")
                    {
                        if (transition.From.Count > 1)
                        {
                            _d.Report(DiagnosticRules.InvalidValue, source.Span, "'*' (every other state) stands alone in 'from'");
                        }
                        for (var s = 0; s < states.Count; s++) if (s != to) from.Add(s);
                        continue;
                    }
                    var index = StateRef(source, stateIndex, name);
                    if (index >= 0 && !from.Contains(index)) from.Add(index);
                }

                var timer = -1;
                if (transition.After is { } after)
                {
                    var symbol = _symbols.Expect(after, SymbolKind.Timer, "a timer name (durations are named in 'timers' so they carry a source)");
                    if (symbol is not null) timer = symbol.Index;
                }
                var when = _binder.Bind(transition.When, BindPhase.Machine, m);
                if (to < 0 || from.Count == 0) continue;
                transitions.Add(new ETransition(transition.Trigger.Text, from.ToEquatableArray(), to, when, transition.When.Text, timer,
                    Doc(transition.Description, transition.Provenance)));
            }

            if (initial < 0) continue;
            CheckReachable(machine, initial, states, transitions);
            result.Add(new EMachine(name, initial, states.ToEquatableArray(), transitions.ToEquatableArray(),
                Doc(machine.Description, machine.Provenance)));
        }
        return result.ToEquatableArray();
    }

    private int StateRef(Located state, Dictionary<string, int> states, string machine)
    {
        if (state.Text.Length == 0) return -1;
        if (states.TryGetValue(state.Text, out var index)) return index;
        _d.Report(DiagnosticRules.UnknownName, state.Span, state.Text,
            $"; machine '{machine}' has states: {string.Join(", ", states.Keys)}");
        return -1;
    }

    private void CheckReachable(MachineSpec machine, int initial, List<EState> states, List<ETransition> transitions)
    {
        var reached = new bool[states.Count];
        var queue = new Queue<int>();
        reached[initial] = true;
        queue.Enqueue(initial);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var transition in transitions)
            {
                if (!transition.From.Contains(state) || reached[transition.To]) continue;
                reached[transition.To] = true;
                queue.Enqueue(transition.To);
            }
        }
        for (var s = 0; s < states.Count; s++)
        {
            if (reached[s]) continue;
            var span = machine.Name.Span;
            foreach (var spec in machine.States) if (spec.Name.Text == states[s].Name) span = spec.Name.Span;
            _d.Report(DiagnosticRules.UnreachableState, span, states[s].Name, machine.Name.Text, states[initial].Name);
        }
    }
}
