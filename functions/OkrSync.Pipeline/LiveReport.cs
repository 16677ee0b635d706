using System.Diagnostics;
using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Pipeline.History;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// The current report kept fresh cheaply: the work items live in memory (loaded once from the store, reloaded after
/// a sync or when older than <see cref="MaxAge"/>), events are applied to them, and recomputes are coalesced: while
/// one runs, every caller that arrives waits for the next one, which covers all of their changes at once.
/// The store stays the truth; this is a cache of it, and so are the <c>reconcile-held</c> findings it adds to every
/// report (reread with the items: a reconcile, which sets or clears them, is always followed by a reload).
/// </summary>
public sealed partial class LiveReport(IItemStore itemStore, IReportStore reports, ICursorStore cursors, ICheckInLog checkIns, StrategyProvider strategy, TimeProvider clock, ILogger<LiveReport> logger, AlignmentOptions? alignment = null, HistorySettings? history = null)
{
    private readonly SemaphoreSlim computing = new(1, 1);
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock sync = new();
    private Dictionary<string, WorkItem>? items;
    private List<Action<Dictionary<string, WorkItem>>>? replay;
    private DateTimeOffset loadedAt;
    private long changes;
    private long covered;
    private Report? last;
    private IReadOnlyList<FindingJson> held = [];

    /// <summary>After this long the in-memory items are reloaded from the store (other instances may have written). Default 10 minutes.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Applies stored changes to the in-memory items; returns the change number to pass to <see cref="RefreshAsync"/>.</summary>
    public async Task<long> ApplyAsync(IReadOnlyList<WorkItem> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        void Change(Dictionary<string, WorkItem> set)
        {
            foreach (var item in upserts)
            {
                if (!set.TryGetValue(item.Key, out var known) || item.Updated >= known.Updated)
                {
                    // As loaded from the store: no body, which nothing here reads.
                    set[item.Key] = item.Body is null ? item : item with { Body = null };
                }
            }
            foreach (var key in deletes)
            {
                set.Remove(key);
            }
        }
        lock (sync)
        {
            Change(items!);
            replay?.Add(Change);
            return ++changes;
        }
    }

    /// <summary>Returns once a report that includes change <paramref name="change"/> is saved.</summary>
    public async Task RefreshAsync(long change, CancellationToken cancellationToken = default)
    {
        await computing.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref covered) >= change)
            {
                return;
            }
            if (clock.GetUtcNow() - loadedAt > MaxAge)
            {
                await LoadAsync(cancellationToken);
            }
            var upTo = Interlocked.Read(ref changes);
            await ComputeAsync(weeklySnapshot: false, cancellationToken);
            Interlocked.Exchange(ref covered, upTo);
        }
        finally
        {
            computing.Release();
        }
    }

    /// <summary>
    /// Reloads everything from the store and saves the report and this week's snapshot, replacing an earlier one of the
    /// week (after a sync in which at least one source succeeded).
    /// </summary>
    public async Task<ReportDocument> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await computing.WaitAsync(cancellationToken);
        try
        {
            var upTo = Interlocked.Read(ref changes);
            await LoadAsync(cancellationToken);
            await BackfillAsync(cancellationToken);
            var document = await ComputeAsync(weeklySnapshot: true, cancellationToken);
            Interlocked.Exchange(ref covered, upTo);
            return document;
        }
        finally
        {
            computing.Release();
        }
    }

    /// <summary>
    /// The latest report with its aligned items (the stored one keeps no items): this process's own when it is at
    /// least as recent as the stored one, else recomputed from a reload of the store. Null before any report exists.
    /// </summary>
    public async Task<Report?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var stored = await reports.ReadCurrentReportAsync(cancellationToken);
        if (Volatile.Read(ref last) is { } mine && (stored is null || mine.AsOf >= stored.AsOf))
        {
            return mine;
        }
        if (stored is null)
        {
            return null;
        }
        await computing.WaitAsync(cancellationToken);
        try
        {
            if (last is { } again && again.AsOf >= stored.AsOf)
            {
                return again;
            }
            await LoadAsync(cancellationToken);
            var report = ReportBuilder.Build(await strategy.GetAsync(cancellationToken), Snapshot(), clock.GetUtcNow(), alignment, await ReadCheckInsAsync(cancellationToken));
            Volatile.Write(ref last, report);
            return report;
        }
        finally
        {
            computing.Release();
        }
    }

    private async Task<ReportDocument> ComputeAsync(bool weeklySnapshot, CancellationToken cancellationToken)
    {
        using var activity = OkrSyncTelemetry.Source.StartActivity("okrsync.report.compute");
        var started = Stopwatch.GetTimestamp();
        var index = await strategy.GetAsync(cancellationToken);
        var snapshot = Snapshot();
        var report = ReportBuilder.Build(index, snapshot, clock.GetUtcNow(), alignment, await ReadCheckInsAsync(cancellationToken));
        Volatile.Write(ref last, report);
        var document = (await ReportPublisher.PublishAsync(reports, report, Volatile.Read(ref held), weeklySnapshot, cancellationToken)).Document;
        var elapsed = Stopwatch.GetElapsedTime(started);
        OkrSyncTelemetry.ReportDuration.Record(elapsed.TotalSeconds);
        LogComputed(logger, snapshot.Length, elapsed.TotalMilliseconds);
        return document;
    }

    /// <summary>The first sync's history: weekly snapshots of the past weeks, when the store has none.</summary>
    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        var weeks = (history ?? HistorySettings.Default).BackfillWeeks;
        if (weeks <= 0)
        {
            return;
        }
        var written = await HistoryBackfill.BackfillIfEmptyAsync(reports, await strategy.GetAsync(cancellationToken), Snapshot(), await ReadCheckInsAsync(cancellationToken), clock.GetUtcNow(), weeks, alignment, cancellationToken);
        if (written > 0)
        {
            LogBackfilled(logger, written);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled {Weeks} weekly snapshots from the items' created and closed times (with today's strategy and labels)")]
    private static partial void LogBackfilled(ILogger logger, int weeks);

    /// <summary>Recomputes and saves the report now (after a check-in): returns once a report that includes it is saved.</summary>
    public async Task RecomputeAsync(CancellationToken cancellationToken = default) =>
        await RefreshAsync(await ApplyAsync([], [], cancellationToken), cancellationToken);

    /// <summary>Every check-in: a small log, read at each compute so that a check-in from another instance counts at once.</summary>
    private async Task<List<CheckIn>> ReadCheckInsAsync(CancellationToken cancellationToken)
    {
        var all = new List<CheckIn>();
        await foreach (var checkIn in checkIns.ReadAllCheckInsAsync(cancellationToken))
        {
            all.Add(checkIn);
        }
        return all;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} work items from the store in {Milliseconds:0} ms")]
    private static partial void LogLoaded(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed the report over {Count} work items in {Milliseconds:0} ms")]
    private static partial void LogComputed(ILogger logger, int count, double milliseconds);
}
