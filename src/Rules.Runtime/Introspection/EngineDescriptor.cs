using System;
using System.Collections.Generic;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>
    /// Everything a generated engine declares, in spec order: the indices of the
    /// <see cref="IRuleEngine"/> API are positions in these lists.
    /// </summary>
    public sealed class EngineDescriptor
    {
        /// <summary>Creates the descriptor (called once by generated code).</summary>
        public EngineDescriptor(string productId, string displayName, string? description, string specFile,
            InputDescriptor[] inputs, SettingDescriptor[] settings, TimerDescriptor[] timers, ConditionDescriptor[] conditions,
            BandDescriptor[] bands, MachineInfo[] machines, OutputDescriptor[] outputs, FlagDescriptor[] flags,
            TableDescriptor[] tables, CodeDescriptor[] codes, VeBusLayout? veBus = null, BoardDescriptor? board = null)
        {
            VeBus = veBus;
            Board = board;
            ProductId = productId;
            DisplayName = displayName;
            Description = description;
            SpecFile = specFile;
            Inputs = inputs;
            Settings = settings;
            Timers = timers;
            Conditions = conditions;
            Bands = bands;
            Machines = machines;
            Outputs = outputs;
            Flags = flags;
            Tables = tables;
            Codes = codes;
        }

        /// <summary>The product id (the generated types' prefix).</summary>
        public string ProductId { get; }

        /// <summary>The product's name.</summary>
        public string DisplayName { get; }

        /// <summary>What the product is.</summary>
        public string? Description { get; }

        /// <summary>The spec file the engine was generated from.</summary>
        public string SpecFile { get; }

        /// <summary>Inputs, by index.</summary>
        public IReadOnlyList<InputDescriptor> Inputs { get; }

        /// <summary>Settings, by index.</summary>
        public IReadOnlyList<SettingDescriptor> Settings { get; }

        /// <summary>Timers.</summary>
        public IReadOnlyList<TimerDescriptor> Timers { get; }

        /// <summary>Thresholds then signals, by index.</summary>
        public IReadOnlyList<ConditionDescriptor> Conditions { get; }

        /// <summary>Bands, by index.</summary>
        public IReadOnlyList<BandDescriptor> Bands { get; }

        /// <summary>Machines, by index (and evaluation order).</summary>
        public IReadOnlyList<MachineInfo> Machines { get; }

        /// <summary>Outputs, by index.</summary>
        public IReadOnlyList<OutputDescriptor> Outputs { get; }

        /// <summary>Flags, by index.</summary>
        public IReadOnlyList<FlagDescriptor> Flags { get; }

        /// <summary>Value tables then LEDs, by index.</summary>
        public IReadOnlyList<TableDescriptor> Tables { get; }

        /// <summary>Codes, by index (bit i of <see cref="IRuleEngine.ActiveCodes"/>).</summary>
        public IReadOnlyList<CodeDescriptor> Codes { get; }

        /// <summary>The VE.Bus BMS frame, when the product talks VE.Bus.</summary>
        public VeBusLayout? VeBus { get; }

        /// <summary>The board's decisions around the engine (the spec's <c>board:</c> section), when the product has a board.</summary>
        public BoardDescriptor? Board { get; }

        /// <summary>Index of input <paramref name="name"/>; throws with the known names when absent.</summary>
        public int Input(string name) => Find(Inputs, name, "input");

        /// <summary>Index of setting <paramref name="name"/>.</summary>
        public int Setting(string name) => Find(Settings, name, "setting");

        /// <summary>Index of condition (threshold or signal) <paramref name="name"/>.</summary>
        public int Condition(string name) => Find(Conditions, name, "condition");

        /// <summary>Index of band <paramref name="name"/>.</summary>
        public int Band(string name) => Find(Bands, name, "band");

        /// <summary>Index of output <paramref name="name"/>.</summary>
        public int Output(string name) => Find(Outputs, name, "output");

        /// <summary>Index of flag <paramref name="name"/>.</summary>
        public int Flag(string name) => Find(Flags, name, "flag");

        /// <summary>Index of table or LED <paramref name="name"/>.</summary>
        public int Table(string name) => Find(Tables, name, "table or LED");

        /// <summary>Index of machine <paramref name="name"/>.</summary>
        public int Machine(string name)
        {
            for (var i = 0; i < Machines.Count; i++)
            {
                if (Machines[i].Name == name) return i;
            }
            throw Missing("machine", name, Names(Machines, m => m.Name));
        }

        /// <summary>Index of the code with id or name <paramref name="idOrName"/>.</summary>
        public int Code(string idOrName)
        {
            for (var i = 0; i < Codes.Count; i++)
            {
                if (Codes[i].Id == idOrName || Codes[i].Name == idOrName) return i;
            }
            throw Missing("code", idOrName, Names(Codes, c => c.Id));
        }

        private int Find<T>(IReadOnlyList<T> items, string name, string kind) where T : SpecEntry
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Name == name) return i;
            }
            throw Missing(kind, name, Names(items, x => x.Name));
        }

        private ArgumentException Missing(string kind, string name, string known) =>
            new ArgumentException($"{DisplayName} has no {kind} '{name}'. Known: {known}.", nameof(name));

        private static string Names<T>(IReadOnlyList<T> items, Func<T, string> name)
        {
            var names = new string[items.Count];
            for (var i = 0; i < names.Length; i++) names[i] = name(items[i]);
            return string.Join(", ", names);
        }
    }
}
