using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// What the pages draw beside the report's rollup: each bet's position (its signals, their check-ins, the ratio) and
/// declared share, and each metric's check-ins (key results and position signals), keyed by metric id.
/// </summary>
public sealed record DashboardInputs(
    IReadOnlyDictionary<string, BetSignalsJson> BetSignals,
    IReadOnlyDictionary<string, IReadOnlyList<CheckInJson>> CheckIns)
{
    public static DashboardInputs None { get; } = new(new Dictionary<string, BetSignalsJson>(), new Dictionary<string, IReadOnlyList<CheckInJson>>());

    public BetSignalsJson? SignalsOf(string betId) => BetSignals.GetValueOrDefault(betId);

    public IReadOnlyList<CheckInJson> CheckInsOf(string metricId) => CheckIns.GetValueOrDefault(metricId) ?? [];
}

/// <summary>Where the pages get <see cref="DashboardInputs"/> for the report they draw.</summary>
public interface IDashboardInputSource
{
    /// <summary>The inputs of <paramref name="report"/>; <paramref name="positionMoved"/> is the strategy's <c>position-moved</c> threshold, when known.</summary>
    Task<DashboardInputs> ReadAsync(ReportDocument report, double? positionMoved, CancellationToken cancellationToken = default);
}

/// <summary>
/// <see cref="DashboardInputs"/> from the stored report (bets' <c>position</c>, <c>positionRatio</c>, <c>allocation</c>,
/// the <c>green-krs-flat-position</c> finding) and the check-in log (every check-in, in one read, grouped by metric).
/// </summary>
public sealed class ReportDashboardInputs(ICheckInLog log) : IDashboardInputSource
{
    public async Task<DashboardInputs> ReadAsync(ReportDocument report, double? positionMoved, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checkIns = new Dictionary<string, List<CheckInJson>>(StringComparer.Ordinal);
        await foreach (var checkIn in log.ReadAllCheckInsAsync(cancellationToken))
        {
            (checkIns.TryGetValue(checkIn.MetricId, out var list) ? list : checkIns[checkIn.MetricId] = []).Add(ToJson(checkIn));
        }
        var byMetric = checkIns.ToDictionary(p => p.Key, p => (IReadOnlyList<CheckInJson>)[.. p.Value.OrderBy(c => c.At)], StringComparer.Ordinal);
        return Build(report, byMetric, positionMoved);
    }

    /// <summary>The inputs of <paramref name="report"/> given the check-ins by metric id; <paramref name="positionMoved"/> is the strategy's <c>position-moved</c> threshold, when known.</summary>
    public static DashboardInputs Build(ReportDocument report, IReadOnlyDictionary<string, IReadOnlyList<CheckInJson>> checkIns, double? positionMoved)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checkIns);
        var flat = report.Findings.Where(f => f.Kind == FindingKinds.GreenKeyResultsFlatPosition).Select(f => f.Subject).ToHashSet(StringComparer.Ordinal);
        var signals = new Dictionary<string, BetSignalsJson>(StringComparer.Ordinal);
        foreach (var bet in report.Bets)
        {
            var position = flat.Contains(bet.Id) ? PositionStates.Flat
                : bet.PositionRatio is not { } ratio ? (bet.Position.Count > 0 ? PositionStates.Unmeasured : null)
                : ratio >= 1 ? PositionStates.Reached
                : positionMoved is { } moved && ratio < moved ? PositionStates.Flat
                : PositionStates.Moving;
            signals[bet.Id] = new BetSignalsJson(position, bet.Allocation?.Declared)
            {
                PositionRatio = bet.PositionRatio,
                Signals = [.. bet.Position.Select(p => new PositionSignalNodeJson(p.Id, p.Title, p.Metric, p.Ratio, checkIns.GetValueOrDefault(p.Id) ?? []))],
            };
        }
        return new DashboardInputs(signals, checkIns);
    }

    public static CheckInJson ToJson(CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return new(checkIn.At, checkIn.Value, checkIn.By, checkIn.Note) { Confidence = checkIn.Confidence?.ToName(), Source = checkIn.Origin };
    }
}

/// <summary>How a bet's position reads on the pages.</summary>
public static class PositionStates
{
    /// <summary>The bet's key results are green but its position has not moved (<c>green-krs-flat-position</c>), or it moved less than <c>position-moved</c>.</summary>
    public const string Flat = "flat";

    public const string Moving = "moving";

    public const string Reached = "reached";

    /// <summary>The bet names position signals but none has a complete metric yet.</summary>
    public const string Unmeasured = "unmeasured";
}
