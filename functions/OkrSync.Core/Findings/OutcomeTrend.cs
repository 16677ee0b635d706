using System.Globalization;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;

namespace OkrSync.Core.Findings;

/// <summary>
/// Says how long an <c>outputs-without-outcome</c> pattern has held, from the weekly snapshots: over the latest run of
/// weeks in which the key result's outcome stayed below <c>outcome-moved</c>, how its output and its metric moved
/// ("Over 6 weeks output went 35% → 91% while the metric moved 72 → 70.").
/// </summary>
public static class OutcomeTrend
{
    public static IReadOnlyList<FindingJson> Annotate(IReadOnlyList<FindingJson> findings, ReportDocument now, IReadOnlyList<WeeklySnapshot> snapshots, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(thresholds);
        // A finding on a key result is never among the findings on single work items: those are passed by unread.
        if (snapshots.Count == 0 || !StrategyFindings.Any(findings, f => f.Kind == FindingKinds.OutputsWithoutOutcome))
        {
            return findings;
        }
        return StrategyFindings.Select(findings, f => f.Kind == FindingKinds.OutputsWithoutOutcome && Describe(f.Subject, now, snapshots, thresholds) is { } trend
            ? f with { Message = $"{f.Message} {trend}" }
            : f);
    }

    /// <summary>The sentence for one key result, or null when no earlier week shows the pattern.</summary>
    public static string? Describe(string keyResultId, ReportDocument now, IReadOnlyList<WeeklySnapshot> snapshots, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (now.KeyResults.FirstOrDefault(k => k.Id == keyResultId) is not { } current)
        {
            return null;
        }
        var nowWeek = WeeklySnapshot.IsoWeekOf(now.AsOf);
        KeyResultTrend? first = null;
        DateTimeOffset since = now.AsOf;
        foreach (var snapshot in snapshots.Where(s => s.IsoWeek != nowWeek && s.TakenAt < now.AsOf).OrderByDescending(s => s.TakenAt))
        {
            if (snapshot.KeyResults.FirstOrDefault(k => k.Id == keyResultId) is not { OutcomeRatio: { } ratio } trend || ratio >= thresholds.OutcomeMoved)
            {
                break;
            }
            first = trend;
            since = snapshot.TakenAt;
        }
        if (first is null)
        {
            return null;
        }
        var weeks = Math.Max(1, (int)Math.Round((now.AsOf - since).TotalDays / 7));
        var metric = first.Current is { } then && current.Outcome.Current is { } latest
            ? $"the metric moved {Number(then)} → {Number(latest)}"
            : $"the outcome moved {Percent(first.OutcomeRatio ?? 0)} → {Percent(current.Outcome.Ratio ?? 0)} of the way";
        return $"The pattern has held for {weeks} week{(weeks == 1 ? "" : "s")}: output {Percent(first.OutputRatio)} → {Percent(current.Output.Ratio)} while {metric}.";
    }

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
