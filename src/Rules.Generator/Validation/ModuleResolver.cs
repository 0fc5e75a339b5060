using System;
using System.Collections.Generic;
using BmsRules.Generator.Diagnostics;
using BmsRules.Generator.Helpers;
using BmsRules.Generator.Model;

namespace BmsRules.Generator.Validation;

/// <summary>
/// Turns every product into the complete rule set it compiles to: the entries of the modules it uses
/// (each module's own <c>use:</c> first, in order), then its own entries. An own entry with the name of a
/// module's entry must say <c>override: true</c> (it then takes that entry's place) and carry its own
/// source or assumption; a machine with <c>extend: true</c> adds states and transitions to a module's
/// machine (a transition with <c>override: true</c> replaces the one with its trigger, one with
/// <c>before:</c> goes before the named one). Every entry records the module it comes from, and cited
/// short document names are written out as file names. Problems are located diagnostics, never exceptions.
/// </summary>
internal sealed class ModuleResolver
{
    private readonly SpecDocument _document;
    private readonly DocumentTable _documents;
    private readonly DiagnosticBag _d;
    private readonly Dictionary<string, ProductSpec> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductSpec> _resolved = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = new();
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);

    private ModuleResolver(SpecDocument document, DocumentTable documents, DiagnosticBag diagnostics)
    {
        _document = document;
        _documents = documents;
        _d = diagnostics;
    }

    /// <summary>
    /// The products of <paramref name="document"/> with their modules applied. A product whose modules cannot all
    /// be used (unknown, used twice, in a cycle) is left out: its checks would only repeat that error. When
    /// <paramref name="catalogue"/> is null, ids a module covers must be in the catalogue of a product that uses it
    /// (otherwise the catalogue checks them).
    /// </summary>
    public static List<ProductSpec> Resolve(SpecDocument document, DocumentTable documents, BehaviourCatalogue? catalogue, DiagnosticBag diagnostics)
    {
        var resolver = new ModuleResolver(document, documents, diagnostics);
        resolver.IndexModules();
        var products = new List<ProductSpec>();
        var users = new Dictionary<string, List<ProductSpec>>(StringComparer.Ordinal);
        var anyBroken = false;
        foreach (var product in document.Products)
        {
            if (product.Provenance.Override is { } flag) diagnostics.Report(DiagnosticRules.InvalidValue, flag.Span, "A product overrides nothing: 'override:' belongs on its entries");
            var resolved = resolver.ResolveUnit(product, owner: null, out var broken);
            if (broken) anyBroken = true;
            else products.Add(resolved);
            foreach (var module in resolver.Closure(product)) Add(users, module, product);
        }
        foreach (var module in document.Modules)
        {
            // A module with a bad or duplicate id was reported when it was indexed.
            if (!resolver._modules.TryGetValue(module.Id.Text, out var indexed) || !ReferenceEquals(indexed, module)) continue;
            if (!users.TryGetValue(module.Id.Text, out var usedBy)) diagnostics.Report(DiagnosticRules.ModuleUnused, module.Id.Span, module.Id.Text);
            else if (catalogue is null && !anyBroken) resolver.CheckModuleCovers(module, usedBy);
        }
        return products;
    }

    private static void Add(Dictionary<string, List<ProductSpec>> users, string module, ProductSpec product)
    {
        if (!users.TryGetValue(module, out var list)) users[module] = list = new List<ProductSpec>();
        list.Add(product);
    }

    private void IndexModules()
    {
        var productIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _document.Products) productIds.Add(p.Id.Text);
        foreach (var module in _document.Modules)
        {
            var id = module.Id;
            if (id.Text.Length == 0) continue;
            if (!Identifiers.IsValidShape(id.Text))
            {
                _d.Report(DiagnosticRules.InvalidValue, id.Span, $"Module id '{id.Text}' must start with a capital letter and use letters and digits");
            }
            else if (_modules.TryGetValue(id.Text, out var first))
            {
                _d.Report(DiagnosticRules.DuplicateName, id.Span, id.Text, $"a module at line {first.Id.Span.Line}");
            }
            else if (productIds.Contains(id.Text))
            {
                _d.Report(DiagnosticRules.DuplicateName, id.Span, id.Text, "a product id");
            }
            else
            {
                _modules.Add(id.Text, module);
            }
            if (module.Provenance.Override is { } flag) _d.Report(DiagnosticRules.InvalidValue, flag.Span, "A module overrides nothing: 'override:' belongs on its entries");
        }
    }

    /// <summary>Every module <paramref name="unit"/> uses, directly or through other modules.</summary>
    private HashSet<string> Closure(ProductSpec unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ProductSpec>();
        pending.Push(unit);
        while (pending.Count > 0)
        {
            foreach (var use in pending.Pop().Use)
            {
                if (_modules.TryGetValue(use.Text, out var module) && seen.Add(use.Text)) pending.Push(module);
            }
        }
        return seen;
    }

    private ProductSpec ResolveModule(ProductSpec module)
    {
        if (_resolved.TryGetValue(module.Id.Text, out var done)) return done;
        _resolving.Add(module.Id.Text);
        var resolved = ResolveUnit(module, module.Id.Text, out var broken);
        _resolving.RemoveAt(_resolving.Count - 1);
        if (broken) _broken.Add(module.Id.Text);
        _resolved[module.Id.Text] = resolved;
        return resolved;
    }

    /// <summary>
    /// The rule set of a product (<paramref name="owner"/> null) or of the module <paramref name="owner"/>;
    /// <paramref name="broken"/> when a module it uses (directly or not) could not be used.
    /// </summary>
    private ProductSpec ResolveUnit(ProductSpec unit, string? owner, out bool broken)
    {
        broken = false;
        var rules = new RuleSet(this);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in unit.Use)
        {
            if (!_modules.TryGetValue(use.Text, out var module))
            {
                _d.Report(DiagnosticRules.UnknownModule, use.Span, $"Unknown module '{use.Text}'; {Declared()}{Suggest(use.Text)}");
                broken = true;
                continue;
            }
            if (!used.Add(use.Text))
            {
                _d.Report(DiagnosticRules.UnknownModule, use.Span, $"Module '{use.Text}' is already used here");
                broken = true;
                continue;
            }
            var cycleStart = _resolving.IndexOf(use.Text);
            if (cycleStart >= 0)
            {
                var path = _resolving.GetRange(cycleStart, _resolving.Count - cycleStart);
                path.Add(use.Text);
                _d.Report(DiagnosticRules.ModuleCycle, use.Span, string.Join(" → ", path));
                broken = true;
                continue;
            }
            rules.Bring(ResolveModule(module), use);
            broken |= _broken.Contains(use.Text);
        }
        rules.Apply(unit, owner);
        return rules.Build(unit);
    }

    private string Declared() => _modules.Count == 0 ? "the spec declares no modules" : "declared modules: " + string.Join(", ", _modules.Keys);

    private string Suggest(string name) => Suggestion(name, _modules.Keys);

    private static string Suggestion(string name, IEnumerable<string> candidates) => EditDistance.Suggestion(name, candidates);

    /// <summary>Without a catalogue file, an id a module covers must be in the catalogue of a product that uses the module.</summary>
    private void CheckModuleCovers(ProductSpec module, List<ProductSpec> users)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var product in users)
        {
            foreach (var entry in product.Catalogue) known.Add(entry.Id.Text);
        }
        foreach (var entry in SpecEntries.Of(module))
        {
            foreach (var id in entry.Provenance.Covers)
            {
                if (!known.Contains(id.Text))
                {
                    _d.Report(DiagnosticRules.Catalogue, id.Span, $"'{id.Text}' is in the catalogue of no product that uses module {module.Id.Text}");
                }
            }
        }
    }

    /// <summary>One section of a product: how to name an entry and reach its provenance.</summary>
    private sealed class Section<T>
        where T : class
    {
        public Section(string kind, Func<T, Located> name, Func<T, Provenance> provenance, Func<T, Provenance, T> withProvenance)
        {
            Kind = kind;
            Name = name;
            Provenance = provenance;
            WithProvenance = withProvenance;
        }

        public string Kind { get; }
        public Func<T, Located> Name { get; }
        public Func<T, Provenance> Provenance { get; }
        public Func<T, Provenance, T> WithProvenance { get; }
    }

    private static readonly Section<InputSpec> Inputs = new("Input", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<SettingSpec> Settings = new("Setting", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<TimerSpec> Timers = new("Timer", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<ThresholdSpec> Thresholds = new("Threshold", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<BandSpec> Bands = new("Band", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<SignalSpec> Signals = new("Signal", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<MachineSpec> Machines = new("Machine", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<TransitionSpec> Transitions = new("Transition", x => x.Trigger, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<OutputSpec> Outputs = new("Output", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<FlagSpec> Flags = new("Flag", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<TableSpec> Tables = new("Table", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<TableSpec> Leds = new("LED", x => x.Name, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<CodeSpec> Codes = new("Code", x => x.Id, x => x.Provenance, (x, p) => x with { Provenance = p });
    private static readonly Section<VeBusSpec> VeBus = new("VE.Bus section", x => new Located("vebus", x.Address.Span), x => x.Provenance, (x, p) => x with { Provenance = p });

    /// <summary>The entries of one product or module while it is being assembled, section by section, in order.</summary>
    private sealed class RuleSet
    {
        private readonly ModuleResolver _r;
        private readonly List<InputSpec> _inputs = new();
        private readonly List<SettingSpec> _settings = new();
        private readonly List<TimerSpec> _timers = new();
        private readonly List<ThresholdSpec> _thresholds = new();
        private readonly List<BandSpec> _bands = new();
        private readonly List<SignalSpec> _signals = new();
        private readonly List<MachineSpec> _machines = new();
        private readonly List<OutputSpec> _outputs = new();
        private readonly List<FlagSpec> _flags = new();
        private readonly List<TableSpec> _tables = new();
        private readonly List<TableSpec> _leds = new();
        private readonly List<CodeSpec> _codes = new();
        private readonly List<VeBusSpec> _vebus = new();

        public RuleSet(ModuleResolver resolver) => _r = resolver;

        private DiagnosticBag D => _r._d;

        /// <summary>Adds a used module's (resolved) entries; the same entry reached twice is kept once.</summary>
        public void Bring(ProductSpec module, Located use)
        {
            Bring(_inputs, module.Inputs, Inputs, use);
            Bring(_settings, module.Settings, Settings, use);
            Bring(_timers, module.Timers, Timers, use);
            Bring(_thresholds, module.Thresholds, Thresholds, use);
            Bring(_bands, module.Bands, Bands, use);
            Bring(_signals, module.Signals, Signals, use);
            Bring(_machines, module.Machines, Machines, use);
            Bring(_outputs, module.Outputs, Outputs, use);
            Bring(_flags, module.Flags, Flags, use);
            Bring(_tables, module.Tables, Tables, use);
            Bring(_leds, module.Leds, Leds, use);
            Bring(_codes, module.Codes, Codes, use);
            if (module.VeBus is not null) Bring(_vebus, new[] { module.VeBus }, VeBus, use);
        }

        /// <summary>Adds, overrides and extends with the unit's own entries (defined in module <paramref name="owner"/>, or the product when null).</summary>
        public void Apply(ProductSpec unit, string? owner)
        {
            Apply(_inputs, unit.Inputs, Inputs, unit, owner);
            Apply(_settings, unit.Settings, Settings, unit, owner);
            Apply(_timers, unit.Timers, Timers, unit, owner);
            Apply(_thresholds, unit.Thresholds, Thresholds, unit, owner);
            Apply(_bands, unit.Bands, Bands, unit, owner);
            Apply(_signals, unit.Signals, Signals, unit, owner);
            Apply(_machines, unit.Machines, Machines, unit, owner);
            Apply(_outputs, unit.Outputs, Outputs, unit, owner);
            Apply(_flags, unit.Flags, Flags, unit, owner);
            Apply(_tables, unit.Tables, Tables, unit, owner);
            Apply(_leds, unit.Leds, Leds, unit, owner);
            Apply(_codes, unit.Codes, Codes, unit, owner);
            if (unit.VeBus is not null) Apply(_vebus, new[] { unit.VeBus }, VeBus, unit, owner);
        }

        public ProductSpec Build(ProductSpec unit) => unit with
        {
            Provenance = _r.Adopt(unit.Provenance, owner: null),
            Inputs = _inputs.ToEquatableArray(), Settings = _settings.ToEquatableArray(), Timers = _timers.ToEquatableArray(),
            Thresholds = _thresholds.ToEquatableArray(), Bands = _bands.ToEquatableArray(), Signals = _signals.ToEquatableArray(),
            Machines = _machines.ToEquatableArray(), Outputs = _outputs.ToEquatableArray(), Flags = _flags.ToEquatableArray(),
            Tables = _tables.ToEquatableArray(), Leds = _leds.ToEquatableArray(), Codes = _codes.ToEquatableArray(),
            VeBus = _vebus.Count > 0 ? _vebus[0] : null,
        };

        private void Bring<T>(List<T> into, IEnumerable<T> entries, Section<T> section, Located use)
            where T : class
        {
            foreach (var entry in entries)
            {
                var at = IndexOf(into, section, section.Name(entry).Text);
                if (at < 0)
                {
                    into.Add(entry);
                }
                else if (!into[at].Equals(entry))
                {
                    D.Report(DiagnosticRules.ModuleConflict, use.Span, section.Kind, section.Name(entry).Text,
                        ModuleOf(section.Provenance(into[at])), ModuleOf(section.Provenance(entry)));
                }
            }
        }

        private void Apply<T>(List<T> into, IEnumerable<T> own, Section<T> section, ProductSpec unit, string? owner)
            where T : class
        {
            foreach (var entry in own)
            {
                var name = section.Name(entry);
                var provenance = section.Provenance(entry);
                var overrides = Flag(provenance.Override, "override");
                var at = IndexOf(into, section, name.Text);
                if (entry is MachineSpec { Extend: { } extend } extension && Flag(extend, "extend"))
                {
                    Extend((List<MachineSpec>)(object)into, extension, unit, owner, overrides);
                    continue;
                }
                if (entry is MachineSpec machine) CheckPlainMachine(machine);

                if (overrides)
                {
                    if (at < 0)
                    {
                        D.Report(DiagnosticRules.OverrideOfNothing, name.Span, section.Kind, name.Text, "overrides", NothingToOverride(unit, section, into, name.Text));
                        into.Add(_r.Adopt(entry, section, owner, replaces: null));
                    }
                    else
                    {
                        into[at] = _r.Adopt(entry, section, owner, replaces: ModuleOf(section.Provenance(into[at])));
                    }
                }
                else if (at >= 0)
                {
                    var existing = section.Provenance(into[at]);
                    D.Report(DiagnosticRules.DuplicateWithoutOverride, name.Span, section.Kind, name.Text, ModuleOf(existing),
                        section.Name(into[at]).Span.Line);
                }
                else
                {
                    into.Add(_r.Adopt(entry, section, owner, replaces: null));
                }
            }
        }

        /// <summary>A machine written out in full: its transitions cannot override or be placed before others.</summary>
        private void CheckPlainMachine(MachineSpec machine)
        {
            foreach (var transition in machine.Transitions)
            {
                if (transition.Provenance.Override is { } flag)
                {
                    D.Report(DiagnosticRules.InvalidValue, flag.Span,
                        $"'override:' on a transition belongs in a machine extension (extend: true); machine '{machine.Name.Text}' defines all its transitions itself");
                }
                if (transition.Before is { } before)
                {
                    D.Report(DiagnosticRules.InvalidValue, before.Span,
                        $"'before:' places a transition a machine extension (extend: true) adds; in machine '{machine.Name.Text}' the file order is the priority order");
                }
            }
        }

        private void Extend(List<MachineSpec> machines, MachineSpec extension, ProductSpec unit, string? owner, bool overrides)
        {
            var name = extension.Name;
            if (overrides)
            {
                D.Report(DiagnosticRules.InvalidValue, extension.Provenance.Override!.Span,
                    $"Machine '{name.Text}' is either overridden (replaced whole) or extended (extend: true), not both");
                return;
            }
            var at = IndexOf(machines, Machines, name.Text);
            if (at < 0)
            {
                D.Report(DiagnosticRules.OverrideOfNothing, name.Span, "Machine", name.Text, "extends", NothingToOverride(unit, Machines, machines, name.Text));
                return;
            }
            if (extension.Initial.Text.Length > 0)
            {
                D.Report(DiagnosticRules.InvalidValue, extension.Initial.Span,
                    $"An extension keeps the initial state of machine '{name.Text}'; to change it, override the whole machine");
            }
            var p = extension.Provenance;
            if (p.Sources.Count > 0 || p.Assumption is not null || p.Covers.Count > 0 || extension.Description is not null)
            {
                D.Report(DiagnosticRules.InvalidValue, name.Span,
                    $"The extension of machine '{name.Text}' has no description, source:, assumption: or covers: of its own; give them to each transition it adds or overrides");
            }

            var target = machines[at];
            var module = ModuleOf(target.Provenance);
            var states = new List<StateSpec>(target.States);
            foreach (var state in extension.States)
            {
                var same = states.FindIndex(s => s.Name.Text == state.Name.Text);
                if (same >= 0) D.Report(DiagnosticRules.DuplicateName, state.Name.Span, state.Name.Text, $"a state of machine {name.Text} from module {module}");
                else states.Add(state);
            }

            var transitions = new List<TransitionSpec>(target.Transitions);
            foreach (var transition in extension.Transitions)
            {
                var trigger = transition.Trigger;
                var matches = new List<int>();
                for (var i = 0; i < transitions.Count; i++)
                {
                    if (transitions[i].Trigger.Text == trigger.Text) matches.Add(i);
                }
                if (Flag(transition.Provenance.Override, "override"))
                {
                    if (transition.Before is { } misplaced)
                    {
                        D.Report(DiagnosticRules.InvalidValue, misplaced.Span, $"An override takes the place of the transition it replaces; 'before:' is for added transitions");
                    }
                    if (matches.Count == 1)
                    {
                        transitions[matches[0]] = _r.Adopt(transition, Transitions, owner, replaces: ModuleOf(transitions[matches[0]].Provenance));
                        continue;
                    }
                    if (matches.Count > 1)
                    {
                        D.Report(DiagnosticRules.InvalidValue, trigger.Span,
                            $"Machine '{name.Text}' has {matches.Count} transitions with trigger '{trigger.Text}'; override the whole machine instead");
                        continue;
                    }
                    D.Report(DiagnosticRules.OverrideOfNothing, trigger.Span, "Transition", trigger.Text, "overrides",
                        $"machine '{name.Text}' from module {module} has no transition with that trigger{Suggestion(trigger.Text, Triggers(transitions))}");
                    continue;
                }
                if (matches.Count > 0)
                {
                    D.Report(DiagnosticRules.DuplicateWithoutOverride, trigger.Span, "Transition", trigger.Text,
                        ModuleOf(transitions[matches[0]].Provenance), transitions[matches[0]].Trigger.Span.Line);
                    continue;
                }
                var adopted = _r.Adopt(transition, Transitions, owner, replaces: null);
                if (transition.Before is not { } before)
                {
                    transitions.Add(adopted);
                    continue;
                }
                var place = transitions.FindIndex(t => t.Trigger.Text == before.Text);
                if (place < 0)
                {
                    D.Report(DiagnosticRules.UnknownName, before.Span, before.Text,
                        $"; expected the trigger of a transition of machine '{name.Text}'{Suggestion(before.Text, Triggers(transitions))}");
                    transitions.Add(adopted);
                }
                else
                {
                    transitions.Insert(place, adopted);
                }
            }
            machines[at] = target with { States = states.ToEquatableArray(), Transitions = transitions.ToEquatableArray() };
        }

        private static IEnumerable<string> Triggers(List<TransitionSpec> transitions)
        {
            foreach (var t in transitions) yield return t.Trigger.Text;
        }

        /// <summary>
        /// True for <c>true</c>; false when absent or <c>false</c>. Anything else is reported, and taken as meant
        /// (true), so the entry does not also count as a duplicate.
        /// </summary>
        private bool Flag(Located? value, string key)
        {
            if (value is null || value.Text == "false") return false;
            if (value.Text != "true") D.Report(DiagnosticRules.InvalidValue, value.Span, $"'{key}' is true or false, not '{value.Text}'");
            return true;
        }

        private string NothingToOverride<T>(ProductSpec unit, Section<T> section, List<T> entries, string name)
            where T : class
        {
            if (unit.Use.Count == 0) return $"{unit.Id.Text} uses no module";
            var names = new List<string>();
            foreach (var entry in entries) names.Add(section.Name(entry).Text);
            return $"no module {unit.Id.Text} uses ({string.Join(", ", Names(unit.Use))}) has {Article(section.Kind)} '{name}'{Suggestion(name, names)}";
        }

        private static IEnumerable<string> Names(EquatableArray<Located> items)
        {
            foreach (var item in items) yield return item.Text;
        }

        private static string Article(string kind) => "AEIOU".IndexOf(kind[0]) >= 0 || kind == "LED" ? "an " + kind.ToLowerInvariant() : "a " + kind.ToLowerInvariant();

        private static int IndexOf<T>(List<T> entries, Section<T> section, string name)
            where T : class
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (section.Name(entries[i]).Text == name) return i;
            }
            return -1;
        }

        private static string ModuleOf(Provenance provenance) => provenance.Module ?? "(this product)";
    }

    /// <summary>An entry as defined in <paramref name="owner"/>: its module recorded, its cited short names written out.</summary>
    private T Adopt<T>(T entry, Section<T> section, string? owner, string? replaces)
        where T : class
    {
        var adopted = section.WithProvenance(entry, Adopt(section.Provenance(entry), owner) with { Replaces = replaces });
        if (adopted is MachineSpec machine)
        {
            var transitions = new List<TransitionSpec>();
            foreach (var t in machine.Transitions) transitions.Add(Adopt(t, Transitions, owner, replaces: null));
            adopted = (T)(object)(machine with { Transitions = transitions.ToEquatableArray() });
        }
        return adopted;
    }

    private Provenance Adopt(Provenance provenance, string? owner)
    {
        _documents.Check(provenance, _d);
        var sources = new List<string>();
        foreach (var source in provenance.Sources) sources.Add(_documents.Expand(source));
        return provenance with { Sources = sources.ToEquatableArray(), Module = owner };
    }
}
