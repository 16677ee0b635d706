using System.Globalization;

namespace OkrSync.Core.Reports;

/// <summary>
/// The state of the strategy in one ISO week (<c>2026-W47</c>): the summary and each key result's output and
/// outcome ratios, for trend lines. At most one per week.
/// </summary>
public sealed record WeeklySnapshot(string IsoWeek, DateTimeOffset TakenAt, SummaryJson Summary, IReadOnlyList<KeyResultTrend> KeyResults)
{
    /// <summary>
    /// True for a snapshot the first sync reconstructed from the items' created and closed times, with the strategy
    /// and labels of that day (not what they were that week).
    /// </summary>
    public bool Backfilled { get; init; }

    public static string IsoWeekOf(DateTimeOffset instant)
    {
        var date = instant.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    public static WeeklySnapshot From(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new WeeklySnapshot(
            IsoWeekOf(report.AsOf),
            report.AsOf,
            report.Summary,
            [.. report.KeyResults.Select(k => new KeyResultTrend(k.Id, k.BetId, k.Output.Ratio, k.Outcome.Ratio, k.Output.Planned, k.Output.Done) { Current = k.Outcome.Current, Title = k.Title })]);
    }
}

/// <summary>One key result's figures in a weekly snapshot.</summary>
public sealed record KeyResultTrend(string Id, string BetId, double OutputRatio, double? OutcomeRatio, int Planned, int Done)
{
    /// <summary>The metric's value as of the snapshot (its latest check-in then, else the file's), when known.</summary>
    public double? Current { get; init; }

    /// <summary>The key result's title when the snapshot was taken.</summary>
    public string? Title { get; init; }
}
