using System.Threading;

namespace BmsRules.Runtime.Board
{
    /// <summary>How the control loop waits between cycles: a real sleep on the board, a simulated clock in tests.</summary>
    public interface ILoopWait
    {
        /// <summary>Waits <paramref name="milliseconds"/> or until <paramref name="token"/> is cancelled.</summary>
        void Wait(int milliseconds, CancellationToken token);
    }

    /// <summary>Waits on the cancellation token's handle: a sleep that ends early on cancellation. Allocation-free after the first wait.</summary>
    public sealed class SleepWait : ILoopWait
    {
        /// <inheritdoc/>
        public void Wait(int milliseconds, CancellationToken token)
        {
            if (milliseconds <= 0) return;
            if (token.CanBeCanceled) token.WaitHandle.WaitOne(milliseconds);
            else Thread.Sleep(milliseconds);
        }
    }
}
