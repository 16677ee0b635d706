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
/// An event costs what it touches: the report is an <see cref="IncrementalReport"/> that takes the changed items'
/// old contributions away and adds the new ones; only a load aligns every item.
/// Several instances (the Functions host scales the queue trigger out) share one store: each report is written over
/// the stored generation the items were loaded at (<see cref="IReportStore.SaveCurrentReportIfAsync"/>), so an
/// instance never overwrites a newer report; one that lost the race catches up with the items changed in the store
/// since its last read (<see cref="IItemStore.ReadItemsChangedSinceAsync"/>), which holds every instance's items, and
/// computes again. Under load, stored writes are at least <see cref="MinWriteInterval"/> apart.
/// </summary>
public sealed partial class LiveReport(IItemStore itemStore, IReportStore reports, ICursorStore cursors, ICheckInLog checkIns, StrategyProvider strategy, TimeProvider clock, ILogger<LiveReport> logger, AlignmentOptions? alignment = null, HistorySettings? history = null, LiveReportOptions? settings = null)
{
    private readonly SemaphoreSlim computing = new(1, 1);
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock sync = new();
    private Dictionary<string, WorkItem>? items;
    private List<Change>? replay;
    private DateTimeOffset loadedAt;
    private long changes;
    private long covered;
    // When the last compute finished (and wrote, if anything changed): the next waits for MinWriteInterval after it.
    private DateTimeOffset? lastWrite;
    private Report? last;
    // The stored report's generation that the in-memory items have caught up with: read before the items on every
    // load, and moved on by this instance's own writes. A write expects it; a newer one stored means a lost race.
    private long generation;
    private IReadOnlyList<FindingJson> held = [];
    // The report over the in-memory items, kept current change by change; null until the first compute after a load.
    private IncrementalReport? incremental;
    // One copy of each label, container, status... across the in-memory items; a new pool with every load.
    private ItemStrings strings = new();
    // Items read by the last load, until the collection after it (CompactAfterLoad).
    private int loadedCount;

    /// <summary>After this long the in-memory items catch up with the store (other instances may have written): what changed since, not every item. Default 10 minutes.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The least time between two stored reports of <see cref="RefreshAsync"/>: under load, events arriving within it
    /// wait for one write that covers them all, so the store sees at most a few report writes a second however many
    /// events come in. Zero writes after every event. Default 200 ms; the app's is
    /// <c>OkrSync:Report:MinWriteIntervalMs</c> (<see cref="LiveReportOptions"/>).
    /// </summary>
    public TimeSpan MinWriteInterval { get; init; } = settings?.MinWriteInterval ?? DefaultMinWriteInterval;

    public static readonly TimeSpan DefaultMinWriteInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>From this many items, a load ends with a compacting collection that returns its garbage to the system (a few hundred ms at a million).</summary>
    public const int CompactAfterLoadOf = 20_000;

    /// <summary>Applies stored changes to the in-memory items; returns the change number to pass to <see cref="RefreshAsync"/>.</summary>
    public async Task<long> ApplyAsync(IReadOnlyList<WorkItem> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        await EnsureLoadedAsync(cancellationToken);
        lock (sync)
        {
            ApplyLocked(upserts, deletes);
            replay?.Add(new Change(upserts, deletes));
            return ++changes;
        }
    }

    /// <summary>
    /// Returns once a report that includes change <paramref name="change"/> is saved. Within
    /// <see cref="MinWriteInterval"/> of the last write it first waits out the rest of the interval (holding the turn, so
    /// that callers arriving meanwhile queue behind it), then computes over every change applied by then: one write
    /// covers them all, and they return together.
    /// </summary>
    public async Task RefreshAsync(long change, CancellationToken cancellationToken = default)
    {
        await computing.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref covered) >= change)
            {
                return;
            }
            if (lastWrite is { } written && written + MinWriteInterval - clock.GetUtcNow() is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, clock, cancellationToken);
            }
            if (clock.GetUtcNow() - loadedAt > MaxAge)
            {
                await CatchUpAsync(cancellationToken);
            }
            var upTo = Interlocked.Read(ref changes);
            await ComputeAsync(weeklySnapshot: false, cancellationToken);
            Interlocked.Exchange(ref covered, upTo);
            CompactAfterLoad();
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
            CompactAfterLoad();
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
        // The stored generation says whether anyone stored a newer report than this process's: one small read, never
        // the document (a read API call must not parse the whole stored report to find out it is not needed).
        var stored = await reports.ReadCurrentReportGenerationAsync(cancellationToken);
        if (Volatile.Read(ref last) is { } mine && stored <= Interlocked.Read(ref generation))
        {
            return mine;
        }
        if (stored == 0)
        {
            return null;
        }
        await computing.WaitAsync(cancellationToken);
        try
        {
            if (last is { } again && stored <= Interlocked.Read(ref generation))
            {
                return again;
            }
            // A process that has held no items yet (only reads so far) loads them; one that has catches up with the changes.
            await EnsureLoadedAsync(cancellationToken);
            await CatchUpAsync(cancellationToken);
            // Caught up to at least the generation read above; the report is the incremental one over the items now held.
            var (report, _) = Incremental(await strategy.GetAsync(cancellationToken), await ReadCheckInsAsync(cancellationToken));
            Volatile.Write(ref last, report);
            CompactAfterLoad();
            return report;
        }
        finally
        {
            computing.Release();
        }
    }

    /// <summary>How many times in a row a compute may lose the race to another instance (and catch up) before it gives up.</summary>
    public int MaxLostRaces { get; init; } = 5;

    /// <summary>
    /// Builds and stores the report over the generation the items were read at. Lost a race (another instance stored
    /// a newer report, so its items may hold changes this one has not seen): catch up with the store, which holds every
    /// instance's items, reading what changed since the last read, and compute again, so the report written last covers
    /// everything stored before it.
    /// </summary>
    private async Task<ReportDocument> ComputeAsync(bool weeklySnapshot, CancellationToken cancellationToken)
    {
        using var activity = OkrSyncTelemetry.Source.StartActivity("okrsync.report.compute");
        var started = Stopwatch.GetTimestamp();
        var index = await strategy.GetAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var expected = Interlocked.Read(ref generation);
            var (report, count) = Incremental(index, await ReadCheckInsAsync(cancellationToken));
            var published = await ReportPublisher.PublishAsync(reports, report, Volatile.Read(ref held), weeklySnapshot, expected, cancellationToken);
            if (!published.Lost)
            {
                Interlocked.Exchange(ref generation, published.Generation);
                Volatile.Write(ref last, report);
                lastWrite = clock.GetUtcNow();
                var elapsed = Stopwatch.GetElapsedTime(started);
                OkrSyncTelemetry.ReportDuration.Record(elapsed.TotalSeconds);
                LogComputed(logger, count, elapsed.TotalMilliseconds);
                return published.Document;
            }
            LogLostRace(logger, expected, published.Generation, attempt);
            if (attempt >= MaxLostRaces)
            {
                throw new InvalidOperationException($"The report was not stored: other instances stored newer ones {attempt} times in a row while this one caught up (last seen generation {published.Generation}). The event is retried.");
            }
            await CatchUpAsync(cancellationToken);
        }
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

    /// <summary>
    /// The report from the incremental one, which events keep current at the cost of what they touch; built from the
    /// in-memory items (one linear pass) after a load or when the strategy changed. The check-ins (a small log, read at
    /// each compute) give each metric's reading.
    /// </summary>
    private (Report Report, int Count) Incremental(StrategyIndex index, IReadOnlyList<CheckIn> measured)
    {
        lock (sync)
        {
            if (incremental is null || !ReferenceEquals(incremental.Index, index))
            {
                incremental = new IncrementalReport(index, items!.Values, alignment);
            }
            return (incremental.ToReport(clock.GetUtcNow(), measured), incremental.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance stored report generation {Found} over the {Expected} this one expected (attempt {Attempt}): catching up with the items changed in the store and recomputing")]
    private static partial void LogLostRace(ILogger logger, long expected, long found, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} work items from the store in {Milliseconds:0} ms")]
    private static partial void LogLoaded(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed the report over {Count} work items in {Milliseconds:0} ms")]
    private static partial void LogComputed(ILogger logger, int count, double milliseconds);
}
