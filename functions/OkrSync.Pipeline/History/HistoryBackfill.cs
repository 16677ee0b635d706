using System.Globalization;
using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Rollup;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline.History;

/// <summary>
/// History from the first day: when the store has no weekly snapshot yet, the first sync writes one for each of the
/// previous <see cref="BackfillWeeksSetting"/> weeks (default 12), reconstructed from what the items record. For each
/// past week, as of its last instant (Sunday 24:00 UTC): an item counts once it was created; it is done (or cancelled)
/// if it was closed by then, else open. Outcome values are the check-ins measured by then, else the file's <c>current</c> when its <c>measured-at</c> is that early (else unknown). This is an
/// approximation, and the snapshots say so (<see cref="WeeklySnapshot.Backfilled"/>): it uses today's strategy, labels,
/// parents and estimates, not those of the week, and it cannot see reopened work.
/// </summary>
public static class HistoryBackfill
{
    /// <summary><c>OkrSync:History:BackfillWeeks</c>: how many past weeks the first sync backfills; 0 turns it off. Default 12.</summary>
    public const string BackfillWeeksSetting = "OkrSync:History:BackfillWeeks";

    public const int DefaultWeeks = 12;

    public const int MaxWeeks = 520;

    /// <summary>The configured backfill, for the app's services.</summary>
    public static HistorySettings SettingsFrom(IConfiguration configuration) => new(WeeksFrom(configuration));

    /// <summary>The configured number of weeks; a value that is not a whole number from 0 to 520 stops the start, naming the setting.</summary>
    public static int WeeksFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[BackfillWeeksSetting] is not { Length: > 0 } text)
        {
            return DefaultWeeks;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks <= MaxWeeks
            ? weeks
            : throw new InvalidOperationException($"{BackfillWeeksSetting} must be a whole number of weeks from 0 (off) to {MaxWeeks}; got '{text}'");
    }

    /// <summary>Writes the backfilled snapshots when the store has none (oldest first); returns how many were written.</summary>
    public static async Task<int> BackfillIfEmptyAsync(IReportStore reports, StrategyIndex index, IReadOnlyCollection<WorkItem> items, IReadOnlyList<CheckIn> checkIns, DateTimeOffset now, int weeks, AlignmentOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(items);
        if (weeks <= 0 || items.Count == 0)
        {
            return 0;
        }
        await foreach (var _ in reports.ReadWeeklySnapshotsAsync(cancellationToken))
        {
            return 0;
        }
        var written = 0;
        foreach (var snapshot in Weeks(index, items, checkIns, now, weeks, options))
        {
            written += await reports.SaveWeeklySnapshotAsync(snapshot, cancellationToken) ? 1 : 0;
            if (items.Count >= CollectBetweenWeeksFrom)
            {
                // Each week is reconstructed from a copy of every item as it stood then, garbage once the week is saved:
                // collected before the next, the first sync's peak holds one week's copy, not a dozen.
                GC.Collect();
            }
        }
        return written;
    }

    /// <summary>The backfilled snapshots of the <paramref name="weeks"/> weeks before the week of <paramref name="now"/>, oldest first. Pure.</summary>
    public static IReadOnlyList<WeeklySnapshot> Snapshots(StrategyIndex index, IReadOnlyCollection<WorkItem> items, IReadOnlyList<CheckIn> checkIns, DateTimeOffset now, int weeks, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(items);
        return [.. Weeks(index, items, checkIns, now, weeks, options)];
    }

    /// <summary>From this many items, the backfill collects the garbage of each week before making the next.</summary>
    public const int CollectBetweenWeeksFrom = 20_000;

    /// <summary>The backfilled snapshots, made one week at a time as they are enumerated.</summary>
    private static IEnumerable<WeeklySnapshot> Weeks(StrategyIndex index, IReadOnlyCollection<WorkItem> items, IReadOnlyList<CheckIn> checkIns, DateTimeOffset now, int weeks, AlignmentOptions? options)
    {
        var thisWeek = StartOfIsoWeek(now);
        for (var back = weeks; back >= 1; back--)
        {
            // Made in a method of its own: the week's copies are unreachable once it returns, not kept by this iterator.
            if (Week(index, items, checkIns, thisWeek.AddDays(-7 * (back - 1)).AddTicks(-1), options) is { } snapshot)
            {
                yield return snapshot;
            }
        }
    }

    /// <summary>One week's snapshot as of <paramref name="asOf"/>; null before the first item existed (nothing to show).</summary>
    private static WeeklySnapshot? Week(StrategyIndex index, IReadOnlyCollection<WorkItem> items, IReadOnlyList<CheckIn> checkIns, DateTimeOffset asOf, AlignmentOptions? options)
    {
        var then = items.Select(i => AsOf(i, asOf)).OfType<WorkItem>().ToList();
        if (then.Count == 0)
        {
            return null;
        }
        // A snapshot is the summary and each key result's figures: align and roll up, nothing else (no findings, no
        // investment, no item JSON), so that the first sync's history costs a fraction of a report per week.
        var readings = MetricReadings.Resolve(index.Strategy, checkIns, asOf, historical: true);
        var alignments = Aligner.Align(index, then, options);
        var report = new Report(index.Strategy, asOf, ReportBuilder.Summarize(alignments), Rollups.Compute(index, alignments, readings), [], []) { Readings = readings };
        return WeeklySnapshot.From(report.ToDocument(includeWorkItems: false)) with { Backfilled = true };
    }

    /// <summary>The item as it stood at <paramref name="asOf"/>, as far as its created and closed times tell; null before it existed.</summary>
    public static WorkItem? AsOf(WorkItem item, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Created > asOf)
        {
            return null;
        }
        if (item.Closed is { } closed && closed <= asOf)
        {
            // Closed by then; one reopened since (open now) was done then.
            return item with { State = item.State.IsOpen() ? StateCategory.Done : item.State, Updated = Min(item.Updated, asOf) };
        }
        var open = item.State.IsOpen() ? item.State : StateCategory.InProgress;
        return item with { State = open, Closed = null, Updated = Min(item.Updated, asOf) };
    }

    /// <summary>Monday 00:00 UTC of the ISO week of <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOfIsoWeek(DateTimeOffset instant)
    {
        var date = instant.UtcDateTime.Date;
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return new DateTimeOffset(date.AddDays(-sinceMonday), TimeSpan.Zero);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}

/// <summary>How many weeks the first sync backfills (<see cref="HistoryBackfill.BackfillWeeksSetting"/>).</summary>
public sealed record HistorySettings(int BackfillWeeks)
{
    public static HistorySettings Default { get; } = new(HistoryBackfill.DefaultWeeks);
}
