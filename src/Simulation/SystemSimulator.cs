using BmsRules.Simulation.VeBus;
using BmsRules.Runtime;
using BmsRules.Runtime.VeBus;

namespace BmsRules.Simulation;

/// <summary>
/// The closed loop: battery physics → engine inputs → <see cref="IRuleEngine.Step"/> → outputs, and
/// BMS frames over VE.Bus → loads, chargers and Multi → bank current → battery physics. The BMS's
/// behaviour comes only from the engine; this class turns physics into readings and outputs into switches.
/// <para>Order of one step at time t: the VE.Bus runs up to just before t (sync frames in the gap since
/// the last step are answered with the flags the engine had then); a battery-data reading is taken when
/// due (min/max cell voltage, temperature, sequence counter, BTV signals); the engine steps with the
/// readings, the bank voltage, the remote and Aux-In voltages and MultiOn as of the previous step, by the
/// spec's MultiOn rule (the board section's <c>multi_on</c>: a sync frame seen within its window, the same
/// <see cref="MultiOnRule"/> the board applies; not the Multi model's own state); the bus runs the sync at t, so a changed flag reaches the Multi in that gap; the
/// outputs switch the loads (ATD via a BatteryProtect) and the DC chargers (ATC, or a GX's DVCC, which
/// reads the BMS from the Multi); the Multi model acts on what its bus end received
/// (<see cref="MultiBmsView"/>); the loads and chargers' constant-current / constant-voltage limits are
/// solved against the bank's rest voltage and resistance; the bank passes the net current for one
/// step. Allocation-free.</para>
/// </summary>
public sealed class SystemSimulator
{
    private readonly IRuleEngine _engine;
    private readonly EngineBinding _bind;
    private readonly SystemConfiguration _config;
    private readonly double[] _overrideValue;
    private readonly bool[] _overridden;
    private readonly double[] _fed;
    private readonly OutputLevel[] _outputs;
    private readonly bool[] _flags;
    private readonly int[] _tables;
    private readonly double[] _tableNumbers;
    private readonly int[] _states;
    private readonly int[] _zones;
    private ulong _activeCodes;
    private long _nextReadingMs;
    private uint _sequence;
    private bool _bmsPowered = true;
    private bool _refeed = true;
    private bool _inputsTouched = true;
    private bool _multiOn;
    private readonly MultiOnRule? _multiOnRule;
    private MultiOutput _multi;
    private bool _wasPowered = true;
    private bool _gxWasPowered;
    private MultiBmsView _view;
    private readonly bool _multiCompatible;

    /// <summary>Builds the system around <paramref name="engine"/> (in its power-up state) from <paramref name="config"/> (already validated).</summary>
    public SystemSimulator(IRuleEngine engine, SystemConfiguration config, IMultiModel? multi = null)
    {
        _engine = engine;
        _bind = new EngineBinding(engine);
        _config = config;
        Bank = new BatteryBank(config.Bank);
        Btv = new BtvModule(config.Bank.Btv);
        SystemVoltage = BankRules.SystemVoltageOf(Bank.NominalVoltage);
        MultiModel = multi ?? new SimpleMultiModel(config.Multi, Bank.CellsInSeries, SystemVoltage);
        _multiCompatible = VeBusFirmware.Check(config.Multi.Firmware, config.Multi.HasBmsCapableAssistant)
            is FirmwareCompatibility.Compatible or FirmwareCompatibility.CompatibleWithAssistant;
        // A Multi hears the BMS only over VE.Bus: its sync frames, the BMS's frames in the gaps, its timeout.
        Bus = config.Multi.Present ? new SimulatedVeBus(engine, config.Multi.BmsTimeoutMs, config.VeBusEverySync) : null;
        // MultiOn is the board's decision, stated in the spec's board section; a product that reads MultiOn needs one.
        if (engine.Descriptor.Board is { } board) _multiOnRule = MultiOnRule.Of(board);
        else if (_bind.MultiOn >= 0)
            throw new System.ArgumentException($"{engine.Descriptor.DisplayName} reads MultiOn but its spec has no board section stating the MultiOn rule.", nameof(engine));
        Gx = new GxDevice(config.Gx, config.Multi.EssAssistant);
        FrontSwitch = config.Multi.Switch;
        BatteryDataLost = config.BatteryDataLost;
        var inputs = engine.Descriptor.Inputs.Count;
        _overrideValue = new double[inputs];
        _overridden = new bool[inputs];
        _fed = new double[inputs];
        var d = engine.Descriptor;
        _outputs = new OutputLevel[d.Outputs.Count];
        _flags = new bool[d.Flags.Count];
        _tables = new int[d.Tables.Count];
        _tableNumbers = new double[d.Tables.Count];
        _states = new int[d.Machines.Count];
        _zones = new int[d.Bands.Count];
        for (var i = 0; i < _tables.Length; i++)
        {
            _tables[i] = -1;
            _tableNumbers[i] = double.NaN;
        }
        for (var i = 0; i < inputs; i++) _fed[i] = double.NaN;
        foreach (var charger in new[] { config.Solar, config.Dcdc })
        {
            if (charger.AbsorptionVoltage <= 0) charger.AbsorptionVoltage = 3.55 * Bank.CellsInSeries;
        }
        CellMinReading = Bank.CellMin;
        CellMaxReading = Bank.CellMax;
        TemperatureReading = Bank.Temperature;
    }

    /// <summary>The engine.</summary>
    public IRuleEngine Engine => _engine;

    /// <summary>Its names resolved to indices.</summary>
    public EngineBinding Binding => _bind;

    /// <summary>The configuration, which timeline events change.</summary>
    public SystemConfiguration Config => _config;

    /// <summary>The battery bank.</summary>
    public BatteryBank Bank { get; }

    /// <summary>The batteries' BTV signals.</summary>
    public BtvModule Btv { get; }

    /// <summary>The Multi.</summary>
    public IMultiModel MultiModel { get; }

    /// <summary>The VE.Bus between BMS and Multi (null without a Multi: nobody sends sync frames).</summary>
    public SimulatedVeBus? Bus { get; }

    /// <summary>The BMS as the Multi received it over VE.Bus, after the last step (default without a Multi).</summary>
    public MultiBmsView MultiView => _view;

    /// <summary>The GX device's D-Bus view and DVCC (its paths are empty without a powered GX).</summary>
    public GxDevice Gx { get; }

    /// <summary>12, 24 or 48 V.</summary>
    public double SystemVoltage { get; }

    /// <summary>Time of the last step (ms).</summary>
    public long NowMs { get; private set; }

    /// <summary>Multi front switch.</summary>
    public MultiSwitch FrontSwitch { get; set; }

    /// <summary>Battery data stops arriving (cable pulled, BTV link lost): the sequence counter freezes.</summary>
    public bool BatteryDataLost { get; set; }

    /// <summary>The BMS is powered (on VE.Bus).</summary>
    public bool BmsPowered => _bmsPowered;

    /// <summary>Last reading: lowest cell voltage (V).</summary>
    public double CellMinReading { get; private set; }

    /// <summary>Last reading: highest cell voltage (V).</summary>
    public double CellMaxReading { get; private set; }

    /// <summary>Last reading: temperature (°C).</summary>
    public double TemperatureReading { get; private set; }

    /// <summary>Battery-data readings so far (the sequence counter).</summary>
    public uint Sequence => _sequence;

    /// <summary>The BatteryProtect lets the DC loads run.</summary>
    public bool LoadsConnected { get; private set; }

    /// <summary>The DC chargers under ATC / DVCC are allowed to run.</summary>
    public bool ChargersEnabled { get; private set; }

    /// <summary>Current taken by the DC loads behind the BatteryProtect (A).</summary>
    public double DcLoadCurrent { get; private set; }

    /// <summary>Current the Multi charges with (A).</summary>
    public double MultiChargeCurrent { get; private set; }

    /// <summary>Current the Multi takes to invert (A).</summary>
    public double MultiDischargeCurrent { get; private set; }

    /// <summary>The BMS's own draw (A), from its SupplyCurrent table (V2-14).</summary>
    public double BmsSupplyCurrent { get; private set; }

    /// <summary>The GX device has power.</summary>
    public bool GxPowered { get; private set; }

    /// <summary>Output <paramref name="index"/> after the last step (read once per step, for everyone).</summary>
    public OutputLevel Output(int index) => _outputs[index];

    /// <summary>Flag <paramref name="index"/> after the last step.</summary>
    public bool Flag(int index) => _flags[index];

    /// <summary>Value (or LED pattern) index of table <paramref name="index"/> after the last step.</summary>
    public int TableValue(int index) => _tables[index];

    /// <summary>The number of numeric table <paramref name="index"/> after the last step.</summary>
    public double TableNumber(int index) => _tableNumbers[index];

    /// <summary>The state index of machine <paramref name="index"/> after the last step.</summary>
    public int State(int index) => _states[index];

    /// <summary>The zone index of band <paramref name="index"/> after the last step.</summary>
    public int Zone(int index) => _zones[index];

    /// <summary>Whether any output, flag, state, zone, table value or code changed in the last step.</summary>
    public bool EngineChanged { get; private set; } = true;

    /// <summary>Whether the Multi's state, VE.Bus error, its view of the BMS (present, emergency), or the BMS's or GX's power changed in the last step.</summary>
    public bool SystemChanged { get; private set; } = true;

    /// <summary>The engine's active codes after the last step.</summary>
    public ulong ActiveCodes => _activeCodes;

    /// <summary>What the Multi did in the last step.</summary>
    public MultiOutput Multi => _multi;

    /// <summary>Overrides engine input <paramref name="index"/> with <paramref name="value"/> until <see cref="ReleaseInput"/>.</summary>
    public void OverrideInput(int index, double value)
    {
        _overridden[index] = true;
        _overrideValue[index] = value;
        _inputsTouched = true;
    }

    /// <summary>Gives engine input <paramref name="index"/> back to the physics.</summary>
    public void ReleaseInput(int index)
    {
        _overridden[index] = false;
        _inputsTouched = true;
    }

    /// <summary>
    /// Says that the scenario changed something (remote, Aux-In, boot loader, an input override): the
    /// next step passes every input to the engine, not only those that change every step.
    /// </summary>
    public void TouchInputs() => _inputsTouched = true;

    /// <summary>The value engine input <paramref name="index"/> got in the last step (NaN before the first).</summary>
    public double InputValue(int index) => _fed[index];

    /// <summary>Whether engine input <paramref name="index"/> is overridden.</summary>
    public bool IsOverridden(int index) => _overridden[index];

    /// <summary>Advances the whole system to <paramref name="nowMs"/>, <paramref name="dtSeconds"/> after the last step.</summary>
    public void Step(long nowMs, double dtSeconds)
    {
        NowMs = nowMs;
        // The sync frames since the last step went out while the engine still had that step's flags (and power).
        var bus = Bus;
        bus?.Advance(nowMs - 1, _bmsPowered);
        UpdatePower();
        var fresh = TakeReading(nowMs);
        var voltage = Bank.Voltage;
        if (_bmsPowered)
        {
            FeedEngine(voltage, fresh);
            _refeed = false;
            _engine.Step(nowMs);
        }

        ReadEngine();
        // The sync at this step's time (if one falls on it) already carries the new flags.
        var view = default(MultiBmsView);
        if (bus is not null)
        {
            if (EngineChanged) bus.FlagsMayHaveChanged();
            bus.Advance(nowMs, _bmsPowered);
            view = bus.View(nowMs);
        }
        var b = _bind;
        var atd = !_bmsPowered ? false : b.LoadDisconnect < 0 || _outputs[b.LoadDisconnect] == OutputLevel.High;
        var atc = !_bmsPowered ? false : b.ChargeDisconnect < 0 || _outputs[b.ChargeDisconnect] == OutputLevel.High;

        LoadsConnected = atd;
        var gxFromBattery = UpdateGx(voltage);
        var multi = bus is not null
            ? MultiModel.Step(view, new MultiEnvironment(_config.Mains, _config.AcLoadWatts, voltage, FrontSwitch), nowMs)
            : default;
        // The GX reads what the Multi received and what it does now; its DVCC then limits the chargers.
        if (_config.Gx.Present) Gx.Update(nowMs, GxPowered, bus is not null, _multiCompatible, view, multi);
        EnableCharger(_config.Solar, atc);
        EnableCharger(_config.Dcdc, atc);
        ChargersEnabled = _config.Solar.Enabled || _config.Dcdc.Enabled;
        BmsSupplyCurrent = _bmsPowered && b.SupplyCurrent >= 0 ? _tableNumbers[b.SupplyCurrent] / 1000.0 : 0;

        SystemChanged = multi.State != _multi.State || multi.VeBusError != _multi.VeBusError || _bmsPowered != _wasPowered || GxPowered != _gxWasPowered
                        || view.BmsPresent != _view.BmsPresent || view.EmergencyMode != _view.EmergencyMode;
        _wasPowered = _bmsPowered;
        _gxWasPowered = GxPowered;
        _multi = multi;
        _view = view;
        // What the BMS concludes from the bus, by the same rule as the board: it hears the syncs while it is powered.
        if (bus is not null && _bmsPowered && bus.Multi.LastSyncMs is { } lastSync) _multiOnRule?.SyncSeen(lastSync);
        _multiOn = bus is not null && _multiOnRule is not null && _multiOnRule.IsOn(nowMs);

        // Loads first, then each constant-current / constant-voltage source in turn: a source gives what
        // it may, but no more than brings the terminals to its set voltage.
        DcLoadCurrent = atd ? _config.DcLoad.Amps(voltage) : 0;
        var discharge = DcLoadCurrent + _config.AlwaysOnLoad.Amps(voltage) + BmsSupplyCurrent + gxFromBattery + multi.DischargeCurrent;
        var resistance = Bank.Resistance;
        var conductance = Bank.Conductance;
        var terminal = Bank.RestVoltage - discharge * resistance;
        MultiChargeCurrent = Source(multi.ChargeLimit, multi.ChargeVoltage, ref terminal, resistance, conductance);
        MultiDischargeCurrent = multi.DischargeCurrent;
        var solar = _config.Solar;
        var dcdc = _config.Dcdc;
        solar.Current = solar.Enabled ? Source(solar.Limit(voltage), solar.AbsorptionVoltage, ref terminal, resistance, conductance) : 0;
        dcdc.Current = dcdc.Enabled ? Source(dcdc.Limit(voltage), dcdc.AbsorptionVoltage, ref terminal, resistance, conductance) : 0;
        var net = MultiChargeCurrent + _config.Solar.Current + _config.Dcdc.Current - discharge;
        Bank.Step(net, dtSeconds);
    }

    /// <summary>
    /// Reads every output, flag and table once per step: the physics, the change tracker and the
    /// expectations all use these copies instead of asking the engine again.
    /// </summary>
    private void ReadEngine()
    {
        var engine = _engine;
        var changed = false;
        for (var i = 0; i < _outputs.Length; i++)
        {
            var v = engine.GetOutput(i);
            changed |= v != _outputs[i];
            _outputs[i] = v;
        }
        for (var i = 0; i < _flags.Length; i++)
        {
            var v = engine.GetFlag(i);
            changed |= v != _flags[i];
            _flags[i] = v;
        }
        for (var i = 0; i < _states.Length; i++)
        {
            var v = engine.GetState(i);
            changed |= v != _states[i];
            _states[i] = v;
        }
        for (var i = 0; i < _zones.Length; i++)
        {
            var v = engine.GetZone(i);
            changed |= v != _zones[i];
            _zones[i] = v;
        }
        for (var i = 0; i < _tables.Length; i++)
        {
            var value = engine.GetTableValue(i);
            if (value == _tables[i]) continue;
            changed = true;
            _tables[i] = value;
            _tableNumbers[i] = engine.GetTableNumber(i);
        }
        var codes = engine.ActiveCodes;
        changed |= codes != _activeCodes;
        _activeCodes = codes;
        EngineChanged = changed;
    }

    private static double Source(double limit, double setVoltage, ref double terminal, double resistance, double conductance)
    {
        if (limit <= 0) return 0;
        var current = (setVoltage - terminal) * conductance;
        if (current <= 0) return 0;
        if (current > limit) current = limit;
        terminal += current * resistance;
        return current;
    }

    /// <summary>
    /// ATC: the remote on/off on the Charge disconnect output. DVCC: runs while the GX is powered and its DVCC (which
    /// reads the BMS from the Multi, every DVCC period) has given it a charge current above 0 since it got power; with
    /// DVCC off on the GX nothing controls it. Safe side, not modelled: a charger DVCC left without the BMS bit (network
    /// mode 5) would fall back to its own charge algorithm when the GX goes quiet; here it stops as in mode 13 (#67).
    /// </summary>
    private void EnableCharger(DcCharger charger, bool atc) => charger.Enabled = charger.Control switch
    {
        ChargerControl.Atc => atc,
        ChargerControl.Dvcc => !_config.Gx.Dvcc || (GxPowered && Gx.ChargerLimit(charger.MaxCurrent) > 0),
        _ => true,
    };

    private void UpdatePower()
    {
        if (_config.BmsConnected == _bmsPowered) return;
        _bmsPowered = _config.BmsConnected;
        // Unplugged from VE.Bus the BMS has no battery minus: it is dead, its terminals float. Plugged
        // back in, it starts from power-up.
        if (!_bmsPowered)
        {
            _engine.Reset();
            Bus?.BmsPoweredDown();
            _multiOnRule?.Forget();
        }
        _refeed = true;
    }

    private bool TakeReading(long nowMs)
    {
        if (nowMs < _nextReadingMs) return false;
        _nextReadingMs = nowMs + _config.Bank.DataIntervalMs;
        if (BatteryDataLost) return false;
        CellMinReading = Bank.CellMin;
        CellMaxReading = Bank.CellMax;
        TemperatureReading = Bank.Temperature;
        _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
        Btv.Update(CellMinReading, CellMaxReading, TemperatureReading);
        return true;
    }

    private void FeedEngine(double voltage, bool freshReading)
    {
        var b = _bind;
        var remote = _config.Remote;
        // What follows the bank voltage or the Multi changes every step.
        Set(b.BatteryVoltage, voltage);
        Set(b.RemoteLVoltage, remote.LVoltage(voltage));
        Set(b.RemoteHVoltage, remote.HVoltage(voltage));
        Set(b.MultiOn, _multiOn ? 1 : 0);
        // The rest changes only with a battery-data reading or a scenario event.
        if (!freshReading && !_refeed && !_inputsTouched) return;
        _inputsTouched = false;
        Set(b.CellMinVoltage, CellMinReading);
        Set(b.CellMaxVoltage, CellMaxReading);
        Set(b.BatteryTemperature, TemperatureReading);
        Set(b.BatteryDataSequence, _sequence);
        Set(b.RemoteLoopClosed, remote.LoopClosed ? 1 : 0);
        Set(b.AuxInVoltage, _config.AuxInVoltage);
        Set(b.Bootloader, _config.Bootloader ? 1 : 0);
        Set(b.BtvAllowCharge, Btv.AllowCharge ? 1 : 0);
        Set(b.BtvAllowDischarge, Btv.AllowDischarge ? 1 : 0);
        Set(b.BtvPreAlarm, Btv.PreAlarm ? 1 : 0);
    }

    private void Set(int index, double physical)
    {
        if (index < 0) return;
        var value = _overridden[index] ? _overrideValue[index] : physical;
        // The engine keeps its inputs between steps: only changes need passing on.
        if (value.Equals(_fed[index]) && !_refeed) return;
        _fed[index] = value;
        _engine.SetInput(index, value);
    }

    private double UpdateGx(double voltage)
    {
        var b = _bind;
        if (!_config.Gx.Present)
        {
            GxPowered = false;
            return 0;
        }
        if (!_bmsPowered || b.GxPowSource < 0)
        {
            GxPowered = _config.AuxInVoltage >= 9;
            return 0;
        }
        var source = _tables[b.GxPowSource];
        GxPowered = source != b.GxPowNone;
        return source == b.GxPowBattery && voltage > 1 ? _config.Gx.Power / voltage : 0;
    }
}
