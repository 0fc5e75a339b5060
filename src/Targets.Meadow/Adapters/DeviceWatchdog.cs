using System;
using BmsRules.Runtime.Hardware;
using Meadow.Hardware;

namespace BmsRules.Targets.Meadow.Adapters
{
    /// <summary>
    /// The F7's independent watchdog (IWDG). Once enabled it cannot be stopped; when it expires the MCU
    /// resets and every GPIO returns to its reset state (input, undriven), so every terminal floats.
    /// </summary>
    internal sealed class DeviceWatchdog : IWatchdog
    {
        private readonly IWatchdogController _controller;

        public DeviceWatchdog(IWatchdogController controller) => _controller = controller ?? throw new ArgumentNullException(nameof(controller));

        public void Enable(int timeoutMilliseconds) => _controller.WatchdogEnable(TimeSpan.FromMilliseconds(timeoutMilliseconds));

        public void Reset() => _controller.WatchdogReset();
    }
}
