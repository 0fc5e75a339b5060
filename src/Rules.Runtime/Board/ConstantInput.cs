using BmsRules.Runtime.Hardware;

namespace BmsRules.Runtime.Board
{
    /// <summary>An engine input the board holds at one value (the spec's <c>bind: constant</c>, with its reason there).</summary>
    public sealed class ConstantInput : IInputSource
    {
        private readonly double _value;

        /// <summary>Creates the input (bools 1/0).</summary>
        public ConstantInput(double value) => _value = value;

        /// <inheritdoc/>
        public double Read() => _value;
    }
}
