using System;

namespace BmsRules.Simulation;

/// <summary>
/// The battery bank as cells: <c>strings × (series batteries × cells per battery)</c>, each cell with
/// its own state of charge and capacity, an open-circuit voltage from <see cref="LifePo4Curve"/>, an
/// ohmic resistance and, per string, one RC polarisation branch, so the voltage rebounds slowly when
/// a load drops. Self-discharge and the batteries' top balancer drain cells; temperature raises the
/// resistance. Strings share the bank current equally (a simplification: real strings share it by
/// their voltages). Sign convention: current is positive when it charges the bank.
/// <para>Speed: every cell in a string carries the same current, so a step only adds the string's
/// charge and moves each string's voltages along the slope of the cells' curves (O(strings)). The
/// cells themselves are brought up to date (state of charge, open-circuit voltage, slope, balancer)
/// every <see cref="CellUpdateSeconds"/> and whenever they are read one by one (O(cells)). Within
/// that second the curve is followed linearly — exact inside a segment of the curve. No step allocates.</para>
/// </summary>
public sealed class BatteryBank
{
    /// <summary>How often the cells are brought up to date (s).</summary>
    public const double CellUpdateSeconds = 1.0;

    private const double SecondsPerMonth = 30 * 24 * 3600.0;

    private readonly LifePo4Curve _curve;
    private readonly BankConfiguration _config;
    private readonly int _strings;
    private readonly int _cellsPerString;
    private readonly double[] _soc;
    private readonly double[] _ocv;
    private readonly double[] _slope;
    private readonly double[] _invCapacityAs;
    private readonly bool[] _balancing;
    private readonly double[] _polarization;
    private readonly double[] _charge;
    private readonly double[] _ocvSum;
    private readonly double[] _ocvSumPerCharge;
    private readonly double[] _ocvSumDrift;
    private readonly double[] _minOcv;
    private readonly double[] _minPerCharge;
    private readonly double[] _minDrift;
    private readonly double[] _maxOcv;
    private readonly double[] _maxPerCharge;
    private readonly double[] _maxDrift;
    private readonly double _ratedR0;
    private readonly double _ratedR1;
    private double _elapsed;
    private double _r0;
    private double _r1;
    private double _decayDt = -1;
    private double _decay;
    private double _temperature;

    /// <summary>Builds the bank in its initial state. The configuration must have passed <see cref="BankRules.Check"/>.</summary>
    public BatteryBank(BankConfiguration config, LifePo4Curve? curve = null)
    {
        _config = config;
        _curve = curve ?? LifePo4Curve.Default;
        var battery = config.Battery;
        CellsPerBattery = battery.Cells;
        _strings = config.Parallel;
        _cellsPerString = config.Series * CellsPerBattery;
        CellCount = _strings * _cellsPerString;
        _soc = new double[CellCount];
        _ocv = new double[CellCount];
        _slope = new double[CellCount];
        _invCapacityAs = new double[CellCount];
        _balancing = new bool[CellCount];
        _polarization = new double[_strings];
        _charge = new double[_strings];
        _ocvSum = new double[_strings];
        _ocvSumPerCharge = new double[_strings];
        _ocvSumDrift = new double[_strings];
        _minOcv = new double[_strings];
        _minPerCharge = new double[_strings];
        _minDrift = new double[_strings];
        _maxOcv = new double[_strings];
        _maxPerCharge = new double[_strings];
        _maxDrift = new double[_strings];
        var capacityAs = battery.CapacityAh * 3600.0;
        for (var i = 0; i < CellCount; i++)
        {
            _soc[i] = config.InitialSoc;
            _invCapacityAs[i] = 1.0 / capacityAs;
        }
        foreach (var cell in config.Imbalance)
        {
            var i = CellIndex(cell.Battery, cell.Cell);
            _soc[i] += cell.SocOffset;
            _invCapacityAs[i] = 1.0 / (capacityAs * cell.CapacityFactor);
        }
        _ratedR0 = config.Cell.Resistance ?? 0.12 / battery.CapacityAh;
        _ratedR1 = config.Cell.PolarizationResistance ?? _ratedR0;
        NominalVoltage = config.Series * battery.NominalVoltage;
        CapacityAh = battery.CapacityAh * config.Parallel;
        Temperature = config.Temperature;
        UpdateCells();
        Step(0, 0);
    }

    /// <summary>Cells in one battery.</summary>
    public int CellsPerBattery { get; }

    /// <summary>Cells in the bank.</summary>
    public int CellCount { get; }

    /// <summary>Cells in series (the bank voltage is this many cells).</summary>
    public int CellsInSeries => _cellsPerString;

    /// <summary>Nominal bank voltage (12.8, 25.6 or 51.2 V).</summary>
    public double NominalVoltage { get; }

    /// <summary>Rated bank capacity (Ah).</summary>
    public double CapacityAh { get; }

    /// <summary>Battery temperature (°C); sets the cells' resistance.</summary>
    public double Temperature
    {
        get => _temperature;
        set
        {
            _temperature = value;
            var factor = 1 + _config.Cell.ColdResistancePerDegree * Math.Max(0, 25 - value);
            _r0 = _ratedR0 * factor;
            _r1 = _ratedR1 * factor;
            Resistance = _r0 * _cellsPerString / _strings;
            Conductance = 1 / Resistance;
        }
    }

    /// <summary>Bank current in the last step (A, positive = charging).</summary>
    public double Current { get; private set; }

    /// <summary>Terminal voltage after the last step (V).</summary>
    public double Voltage { get; private set; }

    /// <summary>Voltage the terminals would show at zero current now (open-circuit plus polarisation) (V).</summary>
    public double RestVoltage { get; private set; }

    /// <summary>Ohmic resistance of the bank as seen from its terminals (Ω).</summary>
    public double Resistance { get; private set; }

    /// <summary>1 / <see cref="Resistance"/> (S), so the step multiplies instead of dividing.</summary>
    public double Conductance { get; private set; }

    /// <summary>Lowest cell terminal voltage after the last step (V).</summary>
    public double CellMin { get; private set; }

    /// <summary>Highest cell terminal voltage after the last step (V).</summary>
    public double CellMax { get; private set; }

    /// <summary>Mean state of charge of the cells (fraction).</summary>
    public double Soc
    {
        get
        {
            double sum = 0;
            for (var i = 0; i < CellCount; i++) sum += CellSocAt(i);
            return sum / CellCount;
        }
    }

    /// <summary>Lowest cell state of charge (fraction).</summary>
    public double SocMin
    {
        get
        {
            var min = double.MaxValue;
            for (var i = 0; i < CellCount; i++) min = Math.Min(min, CellSocAt(i));
            return min;
        }
    }

    /// <summary>Highest cell state of charge (fraction).</summary>
    public double SocMax
    {
        get
        {
            var max = double.MinValue;
            for (var i = 0; i < CellCount; i++) max = Math.Max(max, CellSocAt(i));
            return max;
        }
    }

    /// <summary>The state of charge of one cell now (1-based battery and cell numbers).</summary>
    public double CellSoc(int battery, int cell) => CellSocAt(CellIndex(battery, cell));

    /// <summary>The terminal voltage of one cell now.</summary>
    public double CellVoltage(int battery, int cell)
    {
        var i = CellIndex(battery, cell);
        var s = i / _cellsPerString;
        var ocv = _ocv[i] + _slope[i] * (CellSocAt(i) - _soc[i]);
        return ocv + Current / _strings * _r0 + _polarization[s] / _cellsPerString;
    }

    /// <summary>Moves one cell's state of charge by <paramref name="delta"/> (imbalance injection).</summary>
    public void ShiftCellSoc(int battery, int cell, double delta)
    {
        UpdateCells();
        _soc[CellIndex(battery, cell)] += delta;
        UpdateCells();
        Refresh(Current);
    }

    /// <summary>Sets every cell to <paramref name="soc"/> (fraction), keeping imbalance offsets relative to the mean.</summary>
    public void SetSoc(double soc)
    {
        UpdateCells();
        var shift = soc - Soc;
        for (var i = 0; i < _soc.Length; i++) _soc[i] += shift;
        UpdateCells();
        Refresh(Current);
    }

    /// <summary>Whether battery/cell numbers (1-based) exist in this bank.</summary>
    public bool HasCell(int battery, int cell) =>
        battery >= 1 && battery <= _config.BatteryCount && cell >= 1 && cell <= CellsPerBattery;

    /// <summary>
    /// Passes <paramref name="current"/> (A, positive = charging) for <paramref name="dt"/> seconds, then
    /// updates voltages. Allocation-free.
    /// </summary>
    public void Step(double current, double dt)
    {
        Current = current;
        if (dt != _decayDt)
        {
            _decayDt = dt;
            _decay = Math.Exp(-dt / _config.Cell.PolarizationTimeConstant);
        }
        var stringCurrent = current / _strings;
        var charge = stringCurrent * dt;
        var polarizationTarget = stringCurrent * _r1 * _cellsPerString * (1 - _decay);
        for (var s = 0; s < _strings; s++)
        {
            _charge[s] += charge;
            _polarization[s] = _polarization[s] * _decay + polarizationTarget;
        }
        _elapsed += dt;
        if (_elapsed >= CellUpdateSeconds - 1e-9) UpdateCells();
        Refresh(current);
    }

    /// <summary>Terminal, rest and extreme cell voltages from the strings' state (O(strings)).</summary>
    private void Refresh(double current)
    {
        var stringCurrent = current / _strings;
        var cellDrop = stringCurrent * _r0;
        double restSum = 0, cellMin = double.MaxValue, cellMax = double.MinValue;
        var t = _elapsed;
        for (var s = 0; s < _strings; s++)
        {
            var q = _charge[s];
            var vp = _polarization[s];
            restSum += _ocvSum[s] + _ocvSumPerCharge[s] * q + _ocvSumDrift[s] * t + vp;
            var perCell = cellDrop + vp / _cellsPerString;
            var low = _minOcv[s] + _minPerCharge[s] * q + _minDrift[s] * t + perCell;
            var high = _maxOcv[s] + _maxPerCharge[s] * q + _maxDrift[s] * t + perCell;
            if (low < cellMin) cellMin = low;
            if (high > cellMax) cellMax = high;
        }
        RestVoltage = restSum / _strings;
        Voltage = RestVoltage + current * Resistance;
        CellMin = cellMin;
        CellMax = cellMax;
    }

    /// <summary>Brings every cell up to date and recomputes the strings' sums and slopes (O(cells)).</summary>
    private void UpdateCells()
    {
        var t = _elapsed;
        var selfDischargeRate = _config.Cell.SelfDischargePerMonth / SecondsPerMonth;
        var balanceVoltage = _config.Balancer.Voltage;
        var balanceCurrent = _config.Balancer.Current;
        var i = 0;
        for (var s = 0; s < _strings; s++)
        {
            var q = _charge[s];
            _charge[s] = 0;
            double sum = 0, sumPerCharge = 0, sumDrift = 0;
            double min = double.MaxValue, max = double.MinValue;
            double minPerCharge = 0, minDrift = 0, maxPerCharge = 0, maxDrift = 0;
            var end = i + _cellsPerString;
            for (; i < end; i++)
            {
                var invCapacity = _invCapacityAs[i];
                var bleed = _balancing[i] ? balanceCurrent * t : 0;
                var soc = _soc[i] + (q - bleed) * invCapacity - selfDischargeRate * t;
                _soc[i] = soc;
                var ocv = _curve.Voltage(soc, out var slope);
                _ocv[i] = ocv;
                _slope[i] = slope;
                var balancing = balanceCurrent > 0 && ocv >= balanceVoltage;
                _balancing[i] = balancing;
                var perCharge = slope * invCapacity;
                var drift = -slope * (selfDischargeRate + (balancing ? balanceCurrent * invCapacity : 0));
                sum += ocv;
                sumPerCharge += perCharge;
                sumDrift += drift;
                if (ocv < min)
                {
                    min = ocv;
                    minPerCharge = perCharge;
                    minDrift = drift;
                }
                if (ocv > max)
                {
                    max = ocv;
                    maxPerCharge = perCharge;
                    maxDrift = drift;
                }
            }
            _ocvSum[s] = sum;
            _ocvSumPerCharge[s] = sumPerCharge;
            _ocvSumDrift[s] = sumDrift;
            _minOcv[s] = min;
            _minPerCharge[s] = minPerCharge;
            _minDrift[s] = minDrift;
            _maxOcv[s] = max;
            _maxPerCharge[s] = maxPerCharge;
            _maxDrift[s] = maxDrift;
        }
        _elapsed = 0;
    }

    /// <summary>A cell's state of charge including what its string has passed since the last cell update.</summary>
    private double CellSocAt(int i)
    {
        var s = i / _cellsPerString;
        var bleed = _balancing[i] ? _config.Balancer.Current * _elapsed : 0;
        return _soc[i] + (_charge[s] - bleed) * _invCapacityAs[i] - _config.Cell.SelfDischargePerMonth / SecondsPerMonth * _elapsed;
    }

    private int CellIndex(int battery, int cell)
    {
        if (!HasCell(battery, cell))
        {
            throw new ArgumentOutOfRangeException(nameof(battery), $"The bank has batteries 1–{_config.BatteryCount} with cells 1–{CellsPerBattery}; battery {battery} cell {cell} does not exist.");
        }
        // Battery b (0-based) sits in string b / Series at position b % Series.
        var b = battery - 1;
        var s = b / _config.Series;
        return s * _cellsPerString + (b % _config.Series) * CellsPerBattery + (cell - 1);
    }
}
