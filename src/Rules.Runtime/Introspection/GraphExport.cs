using System.Text;

namespace BmsRules.Runtime.Introspection
{
    /// <summary>Exports an engine's machines as Graphviz DOT or Mermaid state diagrams (one cluster per machine).</summary>
    public static class GraphExport
    {
        /// <summary>A DOT digraph: one cluster per machine, edges labelled "Trigger: guard [after timer]".</summary>
        public static string ToDot(EngineDescriptor engine)
        {
            var text = new StringBuilder();
            text.Append("digraph ").Append(DotId(engine.ProductId)).Append(" {\n");
            text.Append("  rankdir=LR;\n");
            text.Append("  label=").Append(DotString(engine.DisplayName + " (generated from " + engine.SpecFile + ")")).Append(";\n");
            text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
            text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
            foreach (var machine in engine.Machines)
            {
                text.Append("  subgraph ").Append(DotId("cluster_" + machine.Name)).Append(" {\n");
                text.Append("    label=").Append(DotString(machine.Name)).Append(";\n");
                var start = DotId(machine.Name + "__start");
                text.Append("    ").Append(start).Append(" [shape=point, label=\"\"];\n");
                foreach (var state in machine.States)
                {
                    text.Append("    ").Append(DotId(machine.Name + "_" + state.Name)).Append(" [label=").Append(DotString(state.Name)).Append("];\n");
                }
                text.Append("    ").Append(start).Append(" -> ").Append(DotId(machine.Name + "_" + machine.InitialState.Name)).Append(";\n");
                foreach (var transition in machine.Transitions)
                {
                    text.Append("    ").Append(DotId(machine.Name + "_" + transition.Source.Name)).Append(" -> ")
                        .Append(DotId(machine.Name + "_" + transition.Destination.Name))
                        .Append(" [label=").Append(DotString(transition.Trigger + "\n" + transition.Condition)).Append("];\n");
                }
                text.Append("  }\n");
            }
            text.Append("}\n");
            return text.ToString();
        }

        /// <summary>A Mermaid stateDiagram-v2 with one composite state per machine.</summary>
        public static string ToMermaid(EngineDescriptor engine)
        {
            var text = new StringBuilder();
            text.Append("---\ntitle: ").Append(MermaidText(engine.DisplayName)).Append("\n---\n");
            text.Append("stateDiagram-v2\n");
            foreach (var machine in engine.Machines)
            {
                text.Append("    state ").Append(MermaidId(machine.Name)).Append(" {\n");
                foreach (var state in machine.States)
                {
                    text.Append("        ").Append(MermaidId(machine.Name + "_" + state.Name)).Append(" : ").Append(MermaidText(state.Name)).Append('\n');
                }
                text.Append("        [*] --> ").Append(MermaidId(machine.Name + "_" + machine.InitialState.Name)).Append('\n');
                foreach (var transition in machine.Transitions)
                {
                    text.Append("        ").Append(MermaidId(machine.Name + "_" + transition.Source.Name)).Append(" --> ")
                        .Append(MermaidId(machine.Name + "_" + transition.Destination.Name)).Append(" : ")
                        .Append(MermaidText(transition.Trigger + " [" + transition.Condition + "]")).Append('\n');
                }
                text.Append("    }\n");
            }
            return text.ToString();
        }

        private static string DotId(string id) => "\"" + id.Replace("\"", "") + "\"";

        private static string DotString(string value) =>
            "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

        private static string MermaidId(string id)
        {
            var text = new StringBuilder(id.Length);
            foreach (var c in id) text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            return text.ToString();
        }

        /// <summary>Mermaid labels end at the line and treat some characters as syntax: write them as entity codes.</summary>
        private static string MermaidText(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '<': text.Append("#lt;"); break;
                    case '>': text.Append("#gt;"); break;
                    case ':': text.Append("#58;"); break;
                    case ';': text.Append("#59;"); break;
                    case '#': text.Append("#35;"); break;
                    case '&': text.Append("#amp;"); break;
                    case '"': text.Append("#quot;"); break;
                    case '{': text.Append("#123;"); break;
                    case '}': text.Append("#125;"); break;
                    case '\n': text.Append(' '); break;
                    default: text.Append(c); break;
                }
            }
            return text.ToString();
        }
    }
}
