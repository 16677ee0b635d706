using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Events;

namespace OkrSync.Pipeline.Sync;

/// <summary>
/// Runs sources into the store. <see cref="SyncAsync"/>: each source from its stored cursor; every page is upserted
/// before the cursor moves past it, so a run that fails resumes where a stored page ended (no gap; upserts are
/// idempotent, so no duplicate effect). The cursor is written at most every <see cref="CursorInterval"/> while a
/// source is read, at its end, and when it fails: a crash re-reads at most that much of the source.
/// <see cref="ReconcileAsync"/>: a full pass per source that also deletes the
/// stored items of the source's containers that the pass no longer saw (deleted, transferred, moved out of the JQL),
/// unless they are more than <see cref="ReconcileOptions.MaxRemovalShare"/> of its stored items: then it removes none
/// and the source is held (<see cref="SourceStats.Held"/>) until a reconcile of it succeeds.
/// A failing source is recorded in its stats and the run goes on with the next one. After each source, its
/// <see cref="SourceStatus"/> is updated in the store when it changed (failed, completed, held).
/// Two things overlap, neither changing that order: each source's next page is fetched while the current one is
/// written (<see cref="PageReadAhead"/>), and sources of different trackers run side by side, while the sources of one
/// tracker run one after another (<see cref="LaneOf"/>).
/// </summary>
public sealed partial class SyncEngine(IItemStore itemStore, ICursorStore cursors, TimeProvider time, ILogger<SyncEngine> logger, IOptions<ReconcileOptions> reconcileOptions)
{
    /// <summary>How far an item's <c>updated</c> may run ahead of this clock before it is clamped (default 5 minutes).</summary>
    public TrackerClock Clock { get; init; } = TrackerClock.Default;

    private const int DeleteBatch = 100;

    // Read here so that a bad setting fails the first use of the engine, not the first reconcile.
    private readonly double maxRemovalShare = reconcileOptions.Value.MaxRemovalShare;

    /// <summary>
    /// How stale a cursor's <see cref="SyncCursor.SyncedAt"/> may get while idle syncs leave its position alone: after
    /// a successful sync, an older one is rewritten with the time (one small write an hour at most), so that
    /// <c>/api/health</c>'s "last successful sync" stays within this of the truth. An idle sync right after a sync
    /// writes nothing.
    /// </summary>
    public static readonly TimeSpan SyncedAtRefresh = TimeSpan.FromHours(1);

    /// <summary>
    /// How often, at most, the cursor is written while a source's pages are read (default 5 seconds). Every write is
    /// a request to the store: one per page doubled a sync's requests (docs/sources.md). The cursor is always written
    /// at the end of a source and after it fails or is cancelled; only a killed process loses up to this much
    /// progress, which the next run reads again.
    /// </summary>
    public TimeSpan CursorInterval { get; init; } = TimeSpan.FromSeconds(5);

    public Task<SyncReport> SyncAsync(IReadOnlyList<IWorkSource> sources, IProgress<SourceProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(sources, Pass.Incremental, progress, cancellationToken);

    /// <summary>A full pass; <paramref name="allowMassRemoval"/> lifts the removal limit for this one run.</summary>
    public Task<SyncReport> ReconcileAsync(IReadOnlyList<IWorkSource> sources, IProgress<SourceProgress>? progress = null, bool allowMassRemoval = false, CancellationToken cancellationToken = default) =>
        RunAsync(sources, allowMassRemoval ? Pass.ReconcileAllowingMassRemoval : Pass.Reconcile, progress, cancellationToken);

    private enum Pass
    {
        Incremental,
        Reconcile,
        ReconcileAllowingMassRemoval,
    }

    private async Task<SyncReport> RunAsync(IReadOnlyList<IWorkSource> sources, Pass pass, IProgress<SourceProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var started = time.GetTimestamp();
        var stats = new SourceStats[sources.Count];
        var lanes = sources.Select((source, index) => (Source: source, Index: index)).GroupBy(s => LaneOf(s.Source), StringComparer.Ordinal);
        await Task.WhenAll(lanes.Select(async lane =>
        {
            foreach (var (source, index) in lane)
            {
                stats[index] = await RunSourceAsync(source, pass, progress, cancellationToken);
                await RecordStatusAsync(stats[index], reconcile: pass != Pass.Incremental, cancellationToken);
            }
        }));
        return new SyncReport(stats, time.GetElapsedTime(started));
    }

    // GitHub asks integrations to make one request at a time per client (its secondary rate limits punish concurrent
    // ones), and a Jira site's rate limit is per site: the sources of one tracker share a lane and run in turn.
    // An export file is a lane of its own.
    private static string LaneOf(IWorkSource source) =>
        source is ITrackerSource tracker ? "tracker:" + tracker.Kind.Value : "source:" + source.Id;

    private async Task<SourceStats> RunSourceAsync(IWorkSource source, Pass pass, IProgress<SourceProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tally = new Tally(source);
        var reconcile = pass != Pass.Incremental;
        var usage = (source as ITrackerSource)?.Usage;
        void OnRetry(TrackerRetry retry) => progress?.Report(tally.Progress(completed: false) with { Retry = retry });
        if (usage is not null)
        {
            usage.Retrying += OnRetry;
        }
        var position = new CursorPosition(cursors, CursorInterval, time);
        try
        {
            var cursor = reconcile ? null : await cursors.ReadCursorAsync(source.Id, cancellationToken);
            position.Start(cursor);
            var seen = reconcile ? new HashSet<string>(StringComparer.Ordinal) : null;
            var containers = new HashSet<string>(StringComparer.Ordinal);
            SourceKind? kind = (source as ITrackerSource)?.Kind;
            await foreach (var page in PageReadAhead.ReadAsync(source, cursor, cancellationToken))
            {
                if (page.Items.Count > 0)
                {
                    tally.Add(page.Items.Count, await UpsertAsync(source, page.Items, cancellationToken));
                }
                tally.Pages++;
                foreach (var item in page.Items)
                {
                    seen?.Add(item.Key);
                    containers.Add(item.Container);
                    kind ??= item.Source;
                }
                if (!reconcile && page.Cursor is { } next)
                {
                    await position.StoredUpToAsync(next, cancellationToken);
                }
                progress?.Report(tally.Progress(completed: false));
            }
            await position.FlushAsync(cancellationToken);
            if (seen is not null && kind is { } sourceKind)
            {
                (tally.Deleted, tally.Held) = await RemoveUnseenAsync(source, sourceKind, containers, seen, pass, cancellationToken);
            }
            if (!reconcile && position.Written is { } written && time.GetUtcNow() - written.SyncedAt >= SyncedAtRefresh)
            {
                await cursors.WriteCursorAsync(written with { SyncedAt = time.GetUtcNow() }, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            tally.Error = e.Message;
            LogSourceFailed(logger, source.Id, e);
        }
        finally
        {
            if (usage is not null)
            {
                usage.Retrying -= OnRetry;
            }
            await SavePositionAfterFailureAsync(position, source.Id);
        }
        progress?.Report(tally.Progress(completed: true));
        var result = tally.ToStats(time.GetElapsedTime(started));
        LogSourceDone(logger, result.Summary());
        return result;
    }

    // A page read from a tracker's API is the tracker's current view: it replaces what the store holds, whatever the
    // stored `updated` (a forged far-future event cannot pin an item). An export file is a copy of some past moment,
    // so it only wins where it is newer. A time too far ahead of this clock is clamped to it, with a warning.
    private Task<UpsertResult> UpsertAsync(IWorkSource source, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limit = Clock.Limit(now);
        var ahead = items.Where(i => i.Updated > limit).ToList();
        if (ahead.Count > 0)
        {
            LogClamped(logger, ahead.Count, source.Id, ahead[0].Key, ahead[0].Updated, Clock.MaxSkew);
            items = [.. items.Select(i => i.Updated > limit ? i with { Updated = now } : i)];
        }
        return source is ITrackerSource ? itemStore.UpsertFromTrackerAsync(items, cancellationToken) : itemStore.UpsertAsync(items, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} item(s) of {SourceId} have an 'updated' more than {MaxSkew} ahead of this clock (first: {Key} at {Updated:o}); stored with 'updated' set to now")]
    private static partial void LogClamped(ILogger logger, int count, string sourceId, string key, DateTimeOffset updated, TimeSpan maxSkew);

    // A source that failed or was cancelled keeps the progress its stored pages made: the cursor of the last of them
    // is written with a token of its own (the run's may be cancelled), bounded so that a store that hangs cannot hold
    // the run. If the store refuses it too, the cursor stays where it was last written, which is never past a stored page.
    private async Task SavePositionAfterFailureAsync(CursorPosition position, string sourceId)
    {
        if (!position.HasUnwritten)
        {
            return;
        }
        // A guard on wall-clock time, not the engine's clock: a test clock that ends every wait at once would cancel it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await position.FlushAsync(timeout.Token);
        }
        catch (Exception e)
        {
            LogCursorNotSaved(logger, sourceId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cursor of {SourceId} could not be saved after it stopped; the next run re-reads from the last saved one")]
    private static partial void LogCursorNotSaved(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {SourceId} failed; its cursor stays at the last stored page")]
    private static partial void LogSourceFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogSourceDone(ILogger logger, string summary);

    private sealed class Tally(IWorkSource source)
    {
        private readonly long callsBefore = (source as ITrackerSource)?.Usage.Calls ?? 0;
        private readonly long notModifiedBefore = (source as ITrackerSource)?.Usage.NotModified ?? 0;
        private UpsertResult written;

        public int Fetched { get; private set; }

        public int Pages { get; set; }

        public int Deleted { get; set; }

        public string? Error { get; set; }

        public ReconcileHold? Held { get; set; }

        public void Add(int fetched, UpsertResult result)
        {
            Fetched += fetched;
            written += result;
        }

        public SourceProgress Progress(bool completed) =>
            new(source.Id, Fetched, Pages, (source as ITrackerSource)?.Usage.RateLimitRemaining, completed);

        public SourceStats ToStats(TimeSpan duration)
        {
            var usage = (source as ITrackerSource)?.Usage;
            return new SourceStats(source.Id, Fetched, written.Written, written.Unchanged, written.Stale, Deleted, Pages,
                (usage?.Calls ?? 0) - callsBefore, (usage?.NotModified ?? 0) - notModifiedBefore, usage?.RateLimitRemaining, duration, Error)
            {
                Held = Held,
            };
        }
    }
}
