using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Testing.Fakes;

/// <summary>
/// <see cref="IWorkStore"/> in memory, with the adapters' semantics: an item whose content hash is unchanged is not
/// rewritten, an item older than the stored one (by <see cref="WorkItem.Updated"/>) never overwrites it, and
/// <see cref="UpsertResult"/> counts each case; a week's snapshot is replaced only by a later one, and never once a
/// later week has one; a send marked as done is never claimed again. Thread-safe. Counts writes for tests. Runs the
/// store contract (<c>InMemoryWorkStoreContractTests</c>) but for the adapters' size limits: it keeps items whole.
/// </summary>
public sealed class InMemoryWorkStore : IWorkStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (WorkItem Item, string Hash)> items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SyncCursor> cursors = new(StringComparer.Ordinal);
    private readonly List<SyncCursor> cursorWrites = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> deliveries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> removals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, bool Sent)> sends = new(StringComparer.Ordinal);
    private readonly List<WeeklySnapshot> snapshots = [];
    private ReportDocument? report;
    private readonly Dictionary<string, CheckIn> checkIns = new(StringComparer.Ordinal);
    private long reportGeneration;
    // The change sequence, as the SQLite store keeps it: each write takes the next number; deletes leave their key with it.
    private readonly string storeId = Guid.NewGuid().ToString("N");
    private long changeSequence;
    private readonly Dictionary<string, long> changedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> deletedAt = new(StringComparer.Ordinal);

    /// <summary>Rows actually written (inserted or replaced) since creation.</summary>
    public int RowsWritten { get; private set; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    /// <summary>Every stored item with its content hash, by key: what two runs are compared on.</summary>
    public IReadOnlyDictionary<string, string> ContentByKey()
    {
        lock (gate)
        {
            return items.ToDictionary(pair => pair.Key, pair => pair.Value.Hash, StringComparer.Ordinal);
        }
    }

    /// <summary>Test seam: awaited at the start of every upsert, before anything is written.</summary>
    public Func<IReadOnlyList<WorkItem>, Task>? BeforeUpsert { get; set; }

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (BeforeUpsert is { } hook)
        {
            await hook(batch);
        }
        return Write(batch, fromTracker: false);
    }

    /// <summary>As <see cref="UpsertAsync"/>, but the tracker's version replaces whatever the stored <c>updated</c>.</summary>
    public async Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (BeforeUpsert is { } hook)
        {
            await hook(batch);
        }
        return Write(batch, fromTracker: true);
    }

    private UpsertResult Write(IReadOnlyList<WorkItem> batch, bool fromTracker)
    {
        int written = 0, unchanged = 0, stale = 0;
        // As the adapters: one version per key and call, the latest by `updated` (the last given among equals); the
        // others count as unchanged when identical to it, else as stale.
        var kept = new Dictionary<string, (WorkItem Item, string Hash)>(StringComparer.Ordinal);
        foreach (var item in batch)
        {
            (WorkItem Item, string Hash) candidate = (item, Hash(item));
            if (!kept.TryGetValue(item.Key, out var previous))
            {
                kept.Add(item.Key, candidate);
                continue;
            }
            var (winner, loser) = item.Updated >= previous.Item.Updated ? (candidate, previous) : (previous, candidate);
            kept[item.Key] = winner;
            if (winner.Hash == loser.Hash)
            {
                unchanged++;
            }
            else
            {
                stale++;
            }
        }
        lock (gate)
        {
            var sequence = ++changeSequence;
            foreach (var (item, hash) in kept.Values)
            {
                if (items.TryGetValue(item.Key, out var stored))
                {
                    if (stored.Hash == hash)
                    {
                        unchanged++;
                        continue;
                    }
                    if (!fromTracker && item.Updated < stored.Item.Updated)
                    {
                        stale++;
                        continue;
                    }
                }
                items[item.Key] = (item, hash);
                changedAt[item.Key] = sequence;
                written++;
            }
            RowsWritten += written;
        }
        return new UpsertResult(written, unchanged, stale);
    }

    public Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (gate)
        {
            var sequence = ++changeSequence;
            var existed = 0;
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                if (items.Remove(key))
                {
                    existed++;
                    changedAt.Remove(key);
                    deletedAt[key] = sequence;
                }
            }
            return Task.FromResult(existed);
        }
    }

    public Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(Mark(changeSequence));
        }
    }

    public Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var next = Mark(changeSequence);
            var prefix = $"memory:{storeId}:";
            if (since.Position is not { } text || !text.StartsWith(prefix, StringComparison.Ordinal) || !long.TryParse(text[prefix.Length..], out var from) || from > changeSequence)
            {
                return Task.FromResult(ItemChanges.Unknown(next));
            }
            var upserts = changedAt.Where(pair => pair.Value > from).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => items[pair.Key].Item with { Body = null }).ToList();
            var deletes = deletedAt.Where(pair => pair.Value > from && !items.ContainsKey(pair.Key)).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(new ItemChanges(upserts, deletes, next));
        }
    }

    private ChangeMark Mark(long sequence) => new($"memory:{storeId}:{sequence}");

    public Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(items.TryGetValue(key, out var stored) ? stored.Item : null);
        }
    }

    public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) =>
        Stream(i => i.Source == source && i.Container == container, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) => Stream(_ => true, cancellationToken);

    public async IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in Stream(_ => true, cancellationToken))
        {
            yield return item with { Body = null };
        }
    }

    public Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            this.report = report;
            reportGeneration++;
        }
        return Task.CompletedTask;
    }

    public Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(reportGeneration);
        }
    }

    public Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedGeneration);
        lock (gate)
        {
            if (this.report is not null && reportGeneration != expectedGeneration)
            {
                return Task.FromResult(new ReportWrite(Written: false, reportGeneration));
            }
            this.report = report;
            reportGeneration = expectedGeneration + 1;
            return Task.FromResult(new ReportWrite(Written: true, reportGeneration));
        }
    }

    public Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default) => Task.FromResult(report);

    public Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ArgumentNullException.ThrowIfNull(snapshot);
            var index = snapshots.FindIndex(s => s.IsoWeek == snapshot.IsoWeek);
            if (index < 0)
            {
                snapshots.Add(snapshot);
                return Task.FromResult(true);
            }
            var laterWeek = snapshots.Any(s => string.CompareOrdinal(s.IsoWeek, snapshot.IsoWeek) > 0);
            if (laterWeek || snapshot.TakenAt <= snapshots[index].TakenAt)
            {
                return Task.FromResult(false);
            }
            snapshots[index] = snapshot;
            return Task.FromResult(true);
        }
    }

    public async IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<WeeklySnapshot> copy;
        lock (gate)
        {
            copy = [.. snapshots.OrderBy(s => s.IsoWeek, StringComparer.Ordinal)];
        }
        foreach (var snapshot in copy)
        {
            await Task.Yield();
            yield return snapshot;
        }
    }

    public Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(cursors.TryGetValue(sourceId, out var cursor) ? cursor : null);

    /// <summary>Every cursor written, in order.</summary>
    public IReadOnlyList<SyncCursor> CursorWrites
    {
        get
        {
            lock (cursorWrites)
            {
                return [.. cursorWrites];
            }
        }
    }

    public Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        cursors[cursor.SourceId] = cursor;
        lock (cursorWrites)
        {
            cursorWrites.Add(cursor);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default) =>
        Task.FromResult(deliveries.ContainsKey($"{source}/{deliveryId}"));

    public async IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIdPrefix);
        foreach (var cursor in cursors.Values.Where(c => c.SourceId.StartsWith(sourceIdPrefix, StringComparison.Ordinal)).OrderBy(c => c.SourceId, StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return cursor;
        }
    }

    public Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(deliveries.TryAdd($"{source}/{deliveryId}", receivedAt));

    public Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(deliveries.Where(pair => pair.Value < receivedBefore).Count(pair => deliveries.TryRemove(pair)));

    public Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            removals[key] = removedAt;
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(removals.TryGetValue(key, out var at) ? at : (DateTimeOffset?)null);

    public Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(removals.Where(pair => pair.Value < removedBefore).Count(pair => removals.TryRemove(pair)));

    public Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var key = $"{isoWeek}/{recipient}";
            if (sends.TryGetValue(key, out var claim) && (claim.Sent || claim.Until > now))
            {
                return Task.FromResult(false);
            }
            sends[key] = (now + lease, false);
            return Task.FromResult(true);
        }
    }

    public Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            sends[$"{isoWeek}/{recipient}"] = (DateTimeOffset.MaxValue, true);
        }
        return Task.CompletedTask;
    }

    /// <summary>Forgets a claim; a send marked as done stays done.</summary>
    public Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var key = $"{isoWeek}/{recipient}";
            if (sends.TryGetValue(key, out var claim) && !claim.Sent)
            {
                sends.TryRemove(key, out _);
            }
        }
        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<WorkItem> Stream(Func<WorkItem, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<WorkItem> copy;
        lock (gate)
        {
            copy = [.. items.Values.Select(v => v.Item).Where(filter).OrderBy(i => i.Key, StringComparer.Ordinal)];
        }
        foreach (var item in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }

    public Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        lock (gate)
        {
            return Task.FromResult(checkIns.TryAdd(checkIn.IdentityKey, checkIn));
        }
    }

    public IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default) =>
        CheckInsWhere(c => c.MetricId == metricId);

    public IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default) => CheckInsWhere(_ => true);

    private IAsyncEnumerable<CheckIn> CheckInsWhere(Func<CheckIn, bool> filter)
    {
        lock (gate)
        {
            return checkIns.Values.Where(filter)
                .OrderBy(c => c.MetricId, StringComparer.Ordinal).ThenBy(c => c.At.UtcTicks).ThenBy(c => c.RecordedAt.UtcTicks).ThenBy(c => c.Value)
                .ToList().ToAsyncEnumerable();
        }
    }

    /// <summary>The content hash: every field, lists by value.</summary>
    public static string Hash(WorkItem item) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(item)));
}
