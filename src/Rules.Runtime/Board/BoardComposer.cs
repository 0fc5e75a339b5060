using System;
using System.Collections.Generic;
using BmsRules.Products;
using BmsRules.Runtime.Control;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Serial;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// Wires a <see cref="BoardProfile"/> to a board's hardware (<see cref="IBoardIo"/>): checks the profile
    /// against the engine, applies its input mode's settings, creates every terminal (floating), LED (dark) and
    /// input from the pin map, binds the battery monitor, the constants and the link input as the spec's board
    /// section says, and builds the controller, LED scheduler, watchdog policy and control loop. With a
    /// link factory it also opens the VE.Bus UART and hands the link service its context:
    /// this is where the VE.Bus BMS link (BmsRules.Runtime.VeBus) plugs in.
    /// </summary>
    public static class BoardComposer
    {
        /// <summary>Receive ring size: 8 KiB, 320 ms of VE.Bus at full line load (25 600 bytes/s).</summary>
        public const int ReceiveRingBytes = 8192;

        /// <summary>Builds the board. Throws (at start-up, never later) when the profile does not fit the engine or a pin does not exist.</summary>
        public static WiredBoard Compose(BoardProfile profile, IBoardIo io, IClock clock, ILogger? logger = null,
            Func<LinkContext, ILinkService>? linkFactory = null, bool enableWatchdog = true)
        {
            if (profile is null) throw new ArgumentNullException(nameof(profile));
            if (io is null) throw new ArgumentNullException(nameof(io));
            if (clock is null) throw new ArgumentNullException(nameof(clock));
            logger ??= NullLogger.Instance;

            var engine = ProductRegistry.Create(profile.ProductId);
            var problems = profile.Check(engine.Descriptor);
            if (problems.Count > 0)
                throw new InvalidOperationException($"Board profile '{profile.Name}' does not fit {profile.ProductId}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
            foreach (var setting in profile.Settings) engine.SetSetting(engine.Descriptor.Setting(setting.Key), setting.Value);
            if (engine.InvalidSettings != 0) throw new InvalidOperationException($"Board profile '{profile.Name}' sets an invalid engine setting.");

            var bindings = new ControllerBindings();
            var terminals = new List<IDigitalOutput>();
            foreach (var pin in profile.PinsOf(PinRole.Terminal))
            {
                var terminal = io.CreateTerminal(pin.Pin);
                terminals.Add(terminal);
                bindings.Output(pin.Signal, terminal);
            }

            var leds = new List<ILed>();
            var ledNames = new List<string>();
            foreach (var pin in profile.PinsOf(PinRole.Led))
            {
                var led = io.CreateLed(pin.Pin);
                leds.Add(led);
                ledNames.Add(pin.Signal);
                bindings.Led(pin.Signal, led);
            }

            foreach (var pin in profile.PinsOf(PinRole.DigitalInput))
            {
                bindings.Input(pin.Signal, new DigitalSignalSource(io.CreateDigitalInput(pin.Pin), pin.ActiveLow));
            }

            var samplers = new List<IInputSampler>();
            var analog = profile.PinsOf(PinRole.AnalogInput);
            if (analog.Count > 0)
            {
                var pins = new List<string>();
                foreach (var pin in analog) pins.Add(pin.Pin);
                var scan = new AnalogScan(io.CreateAnalogScan(pins));
                samplers.Add(scan);
                for (var i = 0; i < analog.Count; i++)
                {
                    bindings.Input(analog[i].Signal, new DividedVoltageSource(scan.Channel(i), analog[i].Divider!, profile.Adc));
                }
            }

            CellDataInputs? cellData = null;
            if (profile.UsesBatteryMonitor)
            {
                cellData = new CellDataInputs();
                samplers.Add(cellData);
                foreach (var input in profile.BatteryMonitorInputs) bindings.Input(input, cellData.Source(input));
            }
            foreach (var constant in profile.ConstantInputs) bindings.Input(constant.Key, new ConstantInput(constant.Value));

            var multiOn = new SharedInput();
            bindings.Input(profile.LinkInput, multiOn);

            // Power-up: the controller drives every terminal floating before anything else happens.
            var controller = new RuleController(engine, clock, bindings, logger);
            var timing = profile.Timing;
            var watchdog = enableWatchdog ? new WatchdogPolicy(io.Watchdog, timing) : null;
            var snapshots = new EngineSnapshotPublisher(engine.Descriptor);

            SerialReceivePump? receiver = null;
            ILinkService? link = null;
            if (linkFactory is not null)
            {
                var port = io.OpenSerial(profile.VeBus);
                receiver = new SerialReceivePump(port, new ByteRing(ReceiveRingBytes), clock, profile.VeBus.PortName, logger);
                var context = new LinkContext(new PumpedByteLink(receiver.Ring, port), receiver, profile.VeBus, multiOn, snapshots, profile.Board, clock, logger);
                link = linkFactory(context) ?? throw new InvalidOperationException("The link factory returned no service.");
            }

            var reporter = new StatisticsReporter(receiver, logger, timing.StatisticsIntervalMs);
            var runner = new ControlLoopRunner(controller, clock, timing.ControlPeriodMs, watchdog, new LedBlinkScheduler(engine, ledNames),
                samplers, new ICycleObserver[] { snapshots, reporter }, logger);
            reporter.Attach(runner);

            BoardLog.Started(logger, profile.Name, profile.ProductId, profile.Mode.Name, timing.ControlPeriodMs, enableWatchdog ? timing.WatchdogTimeoutMs : 0, timing.WarmUpMs);
            return new WiredBoard(profile, engine, controller, runner, terminals, leds, cellData, multiOn, snapshots, receiver, link, logger);
        }
    }
}
