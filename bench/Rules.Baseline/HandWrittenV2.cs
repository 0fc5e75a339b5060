// HandWrittenV2 mirrors the VE.Bus BMS V2 rules of spec/rules.yaml AS OF THIS COMMIT, written by
// hand from the spec text (not from the generated code). It is not the product: the product is the
// engine the generator compiles from the spec. This class exists only
//   1. as the baseline of the benchmarks (bench/Rules.Benchmarks, `bms bench`): what a careful
//      programmer would write with switch statements, to compare the generated engine against, and
//   2. as the oracle of the differential test (tests/runtime/Baseline), which steps it and the
//      generated engine through thousands of random traces and demands identical results.
// That differential test is what keeps this file honest: when the spec changes, the test fails until
// this class is changed to match. Every constant below names the spec entry it restates.
using System.Numerics;
using BmsRules.Products.VeBusBmsV2;
using BmsRules.Runtime;

namespace BmsRules.Baseline;

/// <summary>
/// A hand-written, <c>switch</c>-based implementation of exactly the VE.Bus BMS V2 rules of
/// spec/rules.yaml (as of this commit). It exists only as the benchmark baseline and as the
/// differential-test oracle; product code must use the generated <see cref="VeBusBmsV2Engine"/>.
/// The differential test (tests/runtime/Baseline) keeps it in step with the spec.
/// </summary>
public sealed class HandWrittenV2
{
    // inputs: valid ranges
    private const double CellVoltageMin = 0.5, CellVoltageMax = 5.0;
    private const double TemperatureMin = -40.0, TemperatureMax = 100.0;
    private const double SupplyMin = 9.0, SupplyMax = 70.0;
    private const double RemoteMin = -1.0, RemoteMax = 75.0;
    private const double AuxMin = 0.0, AuxMax = 75.0;

    // settings
    private const double PreAlarmLevelMin = 2.85, PreAlarmLevelMax = 3.15, PreAlarmLevelDefault = 3.10;
    private const double PreAlarmReleaseAbove = 0.10;

    // timers (ms)
    private const long PreAlarmMinimumMs = 30_000;
    private const long RemoteOnDebounceMs = 500;
    private const long BatteryDataTimeoutMs = 5_000;
    private const long FaultRecoveryDelayMs = 5_000;
    private const long StatusFlashPeriodMs = 10_000, StatusFlashOnMs = 100;
    private const long BootloaderFlashPeriodMs = 66, BootloaderFlashOnMs = 33;

    // thresholds
    private const double UndervoltageTrip = 2.80, UndervoltageRelease = 3.20;
    private const double OvervoltageTrip = 4.00, OvervoltageRelease = 3.60;

    // band ChargeTemperature: TooCold below 5 °C, TooHot from 50 °C, 2 °C hysteresis toward Normal
    private const double ColdLimit = 5.0, HotLimit = 50.0, TemperatureHysteresis = 2.0;

    // signals and tables
    private const double RemoteLOnBelow = 3.5, RemoteHOnAbove = 2.9;
    private const double AuxPresentFrom = 9.0;
    private const double SupplyCurrentOff = 1.5, SupplyCurrentLowCell = 2.0, SupplyCurrentRegular = 10.0;

    // code bits, in spec order
    private const int E01 = 0, E02 = 1, E03 = 2, E04 = 3, E05 = 4, A01 = 5, A02 = 6, A03 = 7, A04 = 8,
        W01 = 9, W02 = 10, W03 = 11, I01 = 12, I02 = 13;

    // input bits, in spec order (bool inputs are never invalid)
    private const int CellMinBit = 0, CellMaxBit = 1, TemperatureBit = 2, SequenceBit = 3, SupplyBit = 4,
        RemoteLBit = 6, RemoteHBit = 7, AuxBit = 8;

    private VeBusBmsV2Settings _settings;
    private bool _settingInvalid;
    private double _preAlarmRelease;

    private bool _started;
    private uint _sequence;
    private long _sequenceChangedAt;
    private bool _undervoltageTripped, _preAlarmTripped, _overvoltageTripped;
    private ChargeTemperatureZone _temperatureZone;
    private SystemState _system;
    private HealthState _health;
    private DischargeState _discharge;
    private long _systemSince, _healthSince, _dischargeSince;
    private StatusLedPattern _statusLed;
    private CellAbove2V8LedPattern _cellAbove2V8Led;
    private CellAbove4VLedPattern _cellAbove4VLed;
    private long _statusLedSince, _cellAbove2V8LedSince, _cellAbove4VLedSince;

    /// <summary>Creates the baseline with the documented default settings, in its power-up state.</summary>
    public HandWrittenV2() : this(VeBusBmsV2Settings.Default) { }

    /// <summary>Creates the baseline with <paramref name="settings"/>, in its power-up state.</summary>
    public HandWrittenV2(in VeBusBmsV2Settings settings)
    {
        Configure(settings);
        Reset();
    }

    /// <summary>The settings in force (an out-of-range pre-alarm level replaced by its default).</summary>
    public VeBusBmsV2Settings Settings => _settings;

    /// <summary>Applies settings; a pre-alarm level outside 2.85–3.15 V (or NaN) falls back to 3.10 V and raises E04.</summary>
    public void Configure(in VeBusBmsV2Settings settings)
    {
        _settings = settings;
        _settingInvalid = !(settings.PreAlarmLevel >= PreAlarmLevelMin && settings.PreAlarmLevel <= PreAlarmLevelMax);
        if (_settingInvalid) _settings.PreAlarmLevel = PreAlarmLevelDefault;
        _preAlarmRelease = _settings.PreAlarmLevel + PreAlarmReleaseAbove;
    }

    /// <summary>Back to power-up: initial states, thresholds released, no battery data seen, LEDs off.</summary>
    public void Reset()
    {
        _started = false;
        _sequence = 0;
        _sequenceChangedAt = 0;
        _undervoltageTripped = _preAlarmTripped = _overvoltageTripped = false;
        _temperatureZone = ChargeTemperatureZone.Normal;
        _system = SystemState.Off;
        _health = HealthState.NoData;
        _discharge = DischargeState.Startup;
        _statusLed = StatusLedPattern.Off;
        _cellAbove2V8Led = CellAbove2V8LedPattern.Off;
        _cellAbove4VLed = CellAbove4VLedPattern.Off;
        _systemSince = _healthSince = _dischargeSince = 0;
        _statusLedSince = _cellAbove2V8LedSince = _cellAbove4VLedSince = 0;
    }

    /// <summary>One step at monotonic time <paramref name="nowMs"/>; allocation-free.</summary>
    public HandWrittenV2Result Step(in VeBusBmsV2Inputs x, long nowMs)
    {
        if (!_started)
        {
            // Timers and blink phases count from the first step, not from construction.
            _started = true;
            _systemSince = _healthSince = _dischargeSince = nowMs;
            _statusLedSince = _cellAbove2V8LedSince = _cellAbove4VLedSince = nowMs;
        }

        // Validity. NaN fails every comparison, so InRange(NaN) is false; ±∞ is out of range.
        bool cellMinOk = InRange(x.CellMinVoltage, CellVoltageMin, CellVoltageMax);
        bool cellMaxOk = InRange(x.CellMaxVoltage, CellVoltageMin, CellVoltageMax);
        bool temperatureOk = InRange(x.BatteryTemperature, TemperatureMin, TemperatureMax);
        bool supplyOk = InRange(x.BatteryVoltage, SupplyMin, SupplyMax);
        bool remoteLOk = InRange(x.RemoteLVoltage, RemoteMin, RemoteMax);
        bool remoteHOk = InRange(x.RemoteHVoltage, RemoteMin, RemoteMax);
        bool auxOk = InRange(x.AuxInVoltage, AuxMin, AuxMax);
        if (x.BatteryDataSequence != _sequence)
        {
            _sequence = x.BatteryDataSequence;
            _sequenceChangedAt = nowMs;
        }
        // Sequence 0 means "no reading yet"; a counter that stops changing goes stale.
        bool sequenceOk = _sequence != 0 && nowMs - _sequenceChangedAt < BatteryDataTimeoutMs;

        ulong invalidInputs = 0;
        if (!cellMinOk) invalidInputs |= 1UL << CellMinBit;
        if (!cellMaxOk) invalidInputs |= 1UL << CellMaxBit;
        if (!temperatureOk) invalidInputs |= 1UL << TemperatureBit;
        if (!sequenceOk) invalidInputs |= 1UL << SequenceBit;
        if (!supplyOk) invalidInputs |= 1UL << SupplyBit;
        if (!remoteLOk) invalidInputs |= 1UL << RemoteLBit;
        if (!remoteHOk) invalidInputs |= 1UL << RemoteHBit;
        if (!auxOk) invalidInputs |= 1UL << AuxBit;

        // Thresholds with hysteresis; an invalid reading leaves them where they were.
        if (cellMinOk)
        {
            double v = x.CellMinVoltage;
            _undervoltageTripped = _undervoltageTripped ? v < UndervoltageRelease : v <= UndervoltageTrip;
            _preAlarmTripped = _preAlarmTripped ? v < _preAlarmRelease : v <= _settings.PreAlarmLevel;
        }
        if (cellMaxOk)
        {
            double v = x.CellMaxVoltage;
            _overvoltageTripped = _overvoltageTripped ? v > OvervoltageRelease : v >= OvervoltageTrip;
        }
        if (temperatureOk) _temperatureZone = NextTemperatureZone(_temperatureZone, x.BatteryTemperature);

        // Signals.
        bool btv = _settings.UseBtvSignals;
        bool remoteOn = x.RemoteLoopClosed
                        || (remoteLOk && x.RemoteLVoltage < RemoteLOnBelow)
                        || (remoteHOk && supplyOk && RemoteHOnAbove < x.RemoteHVoltage && x.RemoteHVoltage < x.BatteryVoltage);
        bool measuredDataValid = cellMinOk && cellMaxOk && temperatureOk && sequenceOk && x.CellMinVoltage <= x.CellMaxVoltage;
        bool batteryDataValid = supplyOk && (btv || measuredDataValid);
        bool undervoltage = btv ? !x.BtvAllowDischarge : _undervoltageTripped;
        bool preAlarmCondition = (btv ? x.BtvPreAlarm : _preAlarmTripped) || undervoltage;
        bool highCell = btv ? !x.BtvAllowCharge : _overvoltageTripped;
        bool tooCold = !btv && _temperatureZone == ChargeTemperatureZone.TooCold;
        bool tooHot = !btv && _temperatureZone == ChargeTemperatureZone.TooHot;
        bool chargeBlocked = highCell || tooCold || tooHot;

        // Machines, in spec order; each takes at most one transition, the first that applies.
        switch (_system)
        {
            case SystemState.Off:
                if (x.Bootloader) EnterSystem(SystemState.BootloaderActive, nowMs);
                else if (remoteOn) EnterSystem(SystemState.Starting, nowMs);
                break;
            case SystemState.Starting:
                if (x.Bootloader) EnterSystem(SystemState.BootloaderActive, nowMs);
                else if (!remoteOn) EnterSystem(SystemState.Off, nowMs);
                else if (nowMs - _systemSince >= RemoteOnDebounceMs) EnterSystem(SystemState.On, nowMs);
                break;
            case SystemState.On:
                if (x.Bootloader) EnterSystem(SystemState.BootloaderActive, nowMs);
                else if (!remoteOn) EnterSystem(SystemState.Off, nowMs);
                break;
            case SystemState.BootloaderActive:
                if (!x.Bootloader) EnterSystem(SystemState.Off, nowMs);
                break;
        }

        switch (_health)
        {
            case HealthState.NoData:
                if (batteryDataValid) EnterHealth(HealthState.Ok, nowMs);
                else if (nowMs - _healthSince >= BatteryDataTimeoutMs) EnterHealth(HealthState.Fault, nowMs);
                break;
            case HealthState.Ok:
                if (!batteryDataValid) EnterHealth(HealthState.Fault, nowMs);
                break;
            case HealthState.Fault:
                if (batteryDataValid) EnterHealth(HealthState.Recovering, nowMs);
                break;
            case HealthState.Recovering:
                if (!batteryDataValid) EnterHealth(HealthState.Fault, nowMs);
                else if (nowMs - _healthSince >= FaultRecoveryDelayMs) EnterHealth(HealthState.Ok, nowMs);
                break;
        }

        bool running = _system == SystemState.On && _health == HealthState.Ok;
        switch (_discharge)
        {
            case DischargeState.Startup:
                if (!running) break;
                if (undervoltage) EnterDischarge(DischargeState.LoadDisconnected, nowMs);
                else if (preAlarmCondition) EnterDischarge(DischargeState.PreAlarm, nowMs);
                else EnterDischarge(DischargeState.Normal, nowMs);
                break;
            case DischargeState.Normal:
                if (!running) EnterDischarge(DischargeState.Startup, nowMs);
                else if (preAlarmCondition) EnterDischarge(DischargeState.PreAlarm, nowMs);
                break;
            case DischargeState.PreAlarm:
                if (!running) EnterDischarge(DischargeState.Startup, nowMs);
                else if (undervoltage && nowMs - _dischargeSince >= PreAlarmMinimumMs) EnterDischarge(DischargeState.LoadDisconnected, nowMs);
                else if (!preAlarmCondition) EnterDischarge(DischargeState.Normal, nowMs);
                break;
            case DischargeState.LoadDisconnected:
                if (!running) EnterDischarge(DischargeState.Startup, nowMs);
                else if (!undervoltage) EnterDischarge(preAlarmCondition ? DischargeState.PreAlarm : DischargeState.Normal, nowMs);
                break;
        }

        // Outputs and flags.
        bool systemOn = _system == SystemState.On;
        bool loadsAllowed = running && (_discharge == DischargeState.Normal || _discharge == DischargeState.PreAlarm);
        bool chargersAllowed = running && !chargeBlocked;
        bool preAlarmHigh = systemOn && (_discharge == DischargeState.PreAlarm || _discharge == DischargeState.LoadDisconnected
                                         || _health == HealthState.Fault || _health == HealthState.Recovering);

        // GX-Pow: battery path unless off or low-cell disconnected; Aux-In when higher (and present).
        bool batteryPath = systemOn && _discharge != DischargeState.LoadDisconnected;
        bool auxPresent = auxOk && x.AuxInVoltage >= AuxPresentFrom;
        bool auxHigher = auxOk && supplyOk && x.AuxInVoltage > x.BatteryVoltage;
        GxPowSource gxPow = batteryPath
            ? (auxHigher && auxPresent ? GxPowSource.AuxIn : GxPowSource.Battery)
            : (auxPresent ? GxPowSource.AuxIn : GxPowSource.None);

        double supplyCurrent = !systemOn ? SupplyCurrentOff
            : _discharge == DischargeState.LoadDisconnected ? SupplyCurrentLowCell
            : SupplyCurrentRegular;

        // LEDs: a pattern's blink phase counts from when that pattern began.
        StatusLedPattern status = _system switch
        {
            SystemState.BootloaderActive => StatusLedPattern.RapidFlash,
            SystemState.On => x.MultiOn ? StatusLedPattern.ShortFlash : StatusLedPattern.Off,
            _ => StatusLedPattern.Off,
        };
        if (status != _statusLed)
        {
            _statusLed = status;
            _statusLedSince = nowMs;
        }
        var cell28 = loadsAllowed && !undervoltage ? CellAbove2V8LedPattern.On : CellAbove2V8LedPattern.Off;
        if (cell28 != _cellAbove2V8Led)
        {
            _cellAbove2V8Led = cell28;
            _cellAbove2V8LedSince = nowMs;
        }
        var cell4 = systemOn && !chargersAllowed && (highCell || tooHot) ? CellAbove4VLedPattern.On : CellAbove4VLedPattern.Off;
        if (cell4 != _cellAbove4VLed)
        {
            _cellAbove4VLed = cell4;
            _cellAbove4VLedSince = nowMs;
        }
        bool statusLit = _statusLed switch
        {
            StatusLedPattern.ShortFlash => (nowMs - _statusLedSince) % StatusFlashPeriodMs < StatusFlashOnMs,
            StatusLedPattern.RapidFlash => (nowMs - _statusLedSince) % BootloaderFlashPeriodMs < BootloaderFlashOnMs,
            _ => false,
        };

        // Codes. Battery-data codes only count while that data is required (measured mode, past power-up).
        bool batteryDataRequired = !btv && _health != HealthState.NoData;
        ulong codes = 0;
        if (batteryDataRequired && (!cellMinOk || !cellMaxOk || !temperatureOk || x.CellMinVoltage > x.CellMaxVoltage)) codes |= 1UL << E01;
        if (batteryDataRequired && !sequenceOk) codes |= 1UL << E02;
        if (!supplyOk) codes |= 1UL << E03;
        if (_settingInvalid) codes |= 1UL << E04;
        if (_system == SystemState.BootloaderActive) codes |= 1UL << E05;
        if (_discharge == DischargeState.LoadDisconnected) codes |= 1UL << A01;
        if (running && highCell) codes |= 1UL << A02;
        if (running && tooCold) codes |= 1UL << A03;
        if (running && tooHot) codes |= 1UL << A04;
        if (_discharge == DischargeState.PreAlarm) codes |= 1UL << W01;
        if (!remoteLOk || !remoteHOk) codes |= 1UL << W02;
        if (!auxOk) codes |= 1UL << W03;
        if (_health == HealthState.NoData) codes |= 1UL << I01;
        if (_system == SystemState.Off || _system == SystemState.Starting) codes |= 1UL << I02;

        return new HandWrittenV2Result
        {
            System = _system,
            Health = _health,
            Discharge = _discharge,
            ChargeTemperature = _temperatureZone,
            LoadDisconnect = loadsAllowed ? OutputLevel.High : OutputLevel.Floating,
            ChargeDisconnect = chargersAllowed ? OutputLevel.High : OutputLevel.Floating,
            PreAlarm = preAlarmHigh ? OutputLevel.High : OutputLevel.Floating,
            AllowToCharge = chargersAllowed,
            AllowToDischarge = loadsAllowed,
            ChargeReduction = running && _settings.ReduceChargeOnHighCell && (highCell || tooHot) && !tooCold,
            HoldMultiLowPower = !systemOn,
            BmsLowPower = !systemOn || !x.MultiOn,
            SendBmsFrames = _system != SystemState.BootloaderActive,
            PreAlarmActive = preAlarmHigh,
            GxPowSource = gxPow,
            SupplyCurrent = supplyCurrent,
            StatusLed = _statusLed,
            StatusLedLit = statusLit,
            CellAbove2V8Led = _cellAbove2V8Led,
            CellAbove2V8LedLit = _cellAbove2V8Led == CellAbove2V8LedPattern.On,
            CellAbove4VLed = _cellAbove4VLed,
            CellAbove4VLedLit = _cellAbove4VLed == CellAbove4VLedPattern.On,
            ActiveCodes = codes,
            Code = PrimaryCode(codes),
            InvalidInputs = invalidInputs,
        };
    }

    private static bool InRange(double value, double min, double max) => value >= min && value <= max;

    /// <summary>
    /// ChargeTemperature: leaving Normal, or jumping straight across to the other extreme, is immediate;
    /// coming back to Normal needs the temperature 2 °C inside the boundary.
    /// </summary>
    private static ChargeTemperatureZone NextTemperatureZone(ChargeTemperatureZone zone, double t)
    {
        switch (zone)
        {
            case ChargeTemperatureZone.TooCold:
                if (t >= HotLimit) return ChargeTemperatureZone.TooHot;
                return t - TemperatureHysteresis >= ColdLimit ? ChargeTemperatureZone.Normal : ChargeTemperatureZone.TooCold;
            case ChargeTemperatureZone.TooHot:
                if (t < ColdLimit) return ChargeTemperatureZone.TooCold;
                return t + TemperatureHysteresis < HotLimit ? ChargeTemperatureZone.Normal : ChargeTemperatureZone.TooHot;
            default:
                if (t < ColdLimit) return ChargeTemperatureZone.TooCold;
                return t >= HotLimit ? ChargeTemperatureZone.TooHot : ChargeTemperatureZone.Normal;
        }
    }

    /// <summary>The most severe active code: errors, then alarms, warnings, info; spec order within each.</summary>
    private static VeBusBmsV2Code PrimaryCode(ulong codes)
    {
        if (codes == 0) return VeBusBmsV2Code.None;
        // The spec lists its codes already grouped by severity (E, A, W, I), so the most severe
        // active code is the lowest set bit.
        return BitOperations.TrailingZeroCount(codes) switch
        {
            E01 => VeBusBmsV2Code.BatteryDataInvalid,
            E02 => VeBusBmsV2Code.BatteryDataLost,
            E03 => VeBusBmsV2Code.SupplyOutOfRange,
            E04 => VeBusBmsV2Code.SettingInvalid,
            E05 => VeBusBmsV2Code.InBootloader,
            A01 => VeBusBmsV2Code.LowCellDisconnect,
            A02 => VeBusBmsV2Code.HighCellChargeStop,
            A03 => VeBusBmsV2Code.LowTemperatureChargeStop,
            A04 => VeBusBmsV2Code.HighTemperatureChargeStop,
            W01 => VeBusBmsV2Code.PreAlarm,
            W02 => VeBusBmsV2Code.RemoteInputInvalid,
            W03 => VeBusBmsV2Code.AuxInInvalid,
            I01 => VeBusBmsV2Code.WaitingForBatteryData,
            _ => VeBusBmsV2Code.RemoteOff,
        };
    }

    private void EnterSystem(SystemState state, long nowMs)
    {
        _system = state;
        _systemSince = nowMs;
    }

    private void EnterHealth(HealthState state, long nowMs)
    {
        _health = state;
        _healthSince = nowMs;
    }

    private void EnterDischarge(DischargeState state, long nowMs)
    {
        _discharge = state;
        _dischargeSince = nowMs;
    }
}
