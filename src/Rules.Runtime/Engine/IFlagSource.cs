using BmsRules.Runtime.Introspection;

namespace BmsRules.Runtime
{
    /// <summary>
    /// Where the engine's flags can be read: the engine itself, or a per-cycle snapshot of it for a consumer on
    /// another thread (the VE.Bus link on the board). Flag indices are those of <see cref="Descriptor"/>.
    /// </summary>
    public interface IFlagSource
    {
        /// <summary>The engine's names and layout (including its VE.Bus frame).</summary>
        EngineDescriptor Descriptor { get; }

        /// <summary>Flag <paramref name="index"/>.</summary>
        bool GetFlag(int index);
    }
}
