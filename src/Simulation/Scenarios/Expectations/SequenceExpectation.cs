using BmsRules.Simulation;

namespace BmsRules.Simulation.Scenarios.Expectations;

/// <summary>
/// <c>first: {…}, then: {…}, at_least: D, at_most: D, from: T</c> — the first time after T (default:
/// the first step) that <c>then</c> becomes true (changes from false to true; being true when
/// watching starts does not count), <c>first</c> must have become true at least <c>at_least</c> (and
/// at most <c>at_most</c>) earlier, also after T. The V2's pre-alarm "at least 30 s before the load
/// disconnect" is written this way.
/// </summary>
internal sealed class SequenceExpectation : Expectation
{
    private readonly Condition _first;
    private readonly Condition _then;
    private readonly long _atLeastMs;
    private readonly long _atMostMs;
    private bool _started;
    private bool _firstBefore;
    private bool _thenBefore;
    private long _firstOnsetMs = -1;

    public SequenceExpectation(string name, long line, long column, long fromMs, long toMs, Condition first, Condition then, long atLeastMs, long atMostMs)
        : base(name, line, column, fromMs, toMs)
    {
        _first = first;
        _then = then;
        _atLeastMs = atLeastMs;
        _atMostMs = atMostMs;
    }

    public override bool ChangeDriven => _first.ChangeDriven && _then.ChangeDriven;

    public override string Describe()
    {
        var bounds = _atLeastMs > 0 ? $" at least {TimeText.Span(_atLeastMs)}" : "";
        if (_atMostMs < long.MaxValue) bounds += (bounds.Length > 0 ? " and" : "") + $" at most {TimeText.Span(_atMostMs)}";
        return $"{_first.Expected()}{bounds} before {_then.Expected()}";
    }

    public override void Observe(SystemSimulator sim, long nowMs)
    {
        var first = _first.Holds(sim);
        var then = _then.Holds(sim);
        if (!_started)
        {
            _started = true;
            _firstBefore = first;
            _thenBefore = then;
            return;
        }
        if (first && !_firstBefore) _firstOnsetMs = nowMs;
        _firstBefore = first;
        var thenRose = then && !_thenBefore;
        _thenBefore = then;
        if (!thenRose) return;

        if (_firstOnsetMs < 0)
        {
            Fail(nowMs, $"{_then.Expected()} happened at {TimeText.Clock(nowMs)} but {_first.Expected()} had not happened before it");
            return;
        }
        var gap = nowMs - _firstOnsetMs;
        var detail = $"{_first.Expected()} at {TimeText.Clock(_firstOnsetMs)}, {_then.Expected()} at {TimeText.Clock(nowMs)}: {TimeText.Span(gap)} apart";
        if (gap < _atLeastMs || gap > _atMostMs) Fail(nowMs, detail);
        else Pass(nowMs, detail);
    }

    public override void Finish(SystemSimulator sim, long endMs) =>
        Fail(endMs, $"{_then.Expected()} never happened" + (_firstOnsetMs >= 0 ? $" ({_first.Expected()} did, at {TimeText.Clock(_firstOnsetMs)})" : ""));
}
