using System;
using System.Threading.Tasks;
using BmsRules.Runtime.Board;
using Meadow;
using Meadow.Devices;

namespace BmsRules.Targets.Meadow
{
    /// <summary>
    /// The Meadow application shell. Everything it does is in <see cref="BmsApplication"/> (type-checked
    /// against Meadow.Contracts); this class only exists because Meadow finds an app by its App&lt;TDevice&gt;
    /// base class.
    /// </summary>
    /// <remarks>
    /// Core-Compute variant: for a board built on the Meadow F7 Core-Compute module, derive from
    /// <c>App&lt;F7CoreComputeV2&gt;</c> instead. Its pins are named differently (the Core-Compute module has
    /// no Feather header), so it also needs a board profile with its own pin map in
    /// BmsRules.Runtime.Board.BoardProfiles; the adapters, the loop and the VE.Bus port name (COM4) stay.
    /// </remarks>
    public class MeadowApp : App<F7FeatherV2>
    {
        private BmsApplication? _bms;

        /// <inheritdoc/>
        public override Task Initialize()
        {
            // The VE.Bus BMS link on COM4: answers the Multi's sync frames with the spec's BMS frame, from the
            // last completed control cycle (BmsRules.Runtime.Board.VeBusLinkService).
            _bms = new BmsApplication(Device, Settings, Resolver.Log, linkFactory: context => new VeBusLinkService(context));
            _bms.Initialize();
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public override Task Run()
        {
            _bms?.Start(CancellationToken);
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public override Task OnShutdown()
        {
            _bms?.Stop();
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public override Task OnError(Exception e)
        {
            _bms?.Fail(e);
            return Task.CompletedTask;
        }
    }
}
