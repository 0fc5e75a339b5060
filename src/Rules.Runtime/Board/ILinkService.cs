using System;
using BmsRules.Runtime.Hardware;
using BmsRules.Runtime.Introspection;
using BmsRules.Runtime.Serial;
using Microsoft.Extensions.Logging;

namespace BmsRules.Runtime.Board
{
    /// <summary>
    /// A protocol service that talks over the board's VE.Bus UART on its own thread (the VE.Bus BMS link:
    /// frame codec, Multi state, BMS frame transmitter). The board starts it before the control loop and
    /// stops it after.
    /// </summary>
    public interface ILinkService
    {
        /// <summary>Starts the service (returns at once; the service runs on its own thread or timer).</summary>
        void Start();

        /// <summary>Stops the service.</summary>
        void Stop();
    }

    /// <summary>What a <see cref="ILinkService"/> gets from the board.</summary>
    public sealed class LinkContext
    {
        /// <summary>Creates the context.</summary>
        public LinkContext(IByteLink link, SerialReceivePump receiver, SerialSettings settings, SharedInput multiOn,
            EngineSnapshotPublisher engine, BoardDescriptor board, IClock clock, ILogger logger)
        {
            Board = board ?? throw new ArgumentNullException(nameof(board));
            Link = link ?? throw new ArgumentNullException(nameof(link));
            Receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            MultiOn = multiOn ?? throw new ArgumentNullException(nameof(multiOn));
            Engine = engine ?? throw new ArgumentNullException(nameof(engine));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        }

        /// <summary>The VE.Bus byte link: reads come from the receive pump's ring, writes go to the UART.</summary>
        public IByteLink Link { get; }

        /// <summary>The receive pump: wait on it for bytes (<see cref="SerialReceivePump.WaitForBytes"/>); arrival times, statistics.</summary>
        public SerialReceivePump Receiver { get; }

        /// <summary>The UART's settings (character time for slot timing).</summary>
        public SerialSettings Settings { get; }

        /// <summary>Where the link reports whether the Multi is on (the engine input MultiOn; NaN until known).</summary>
        public SharedInput MultiOn { get; }

        /// <summary>The engine's decisions after each control cycle (AllowToCharge, AllowToDischarge, … by flag index).</summary>
        public EngineSnapshotPublisher Engine { get; }

        /// <summary>The spec's board section: the MultiOn rule and the frame rules the link follows.</summary>
        public BoardDescriptor Board { get; }

        /// <summary>The board's monotonic clock.</summary>
        public IClock Clock { get; }

        /// <summary>The board's logger.</summary>
        public ILogger Logger { get; }
    }
}
