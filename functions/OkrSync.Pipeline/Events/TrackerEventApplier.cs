using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Events;

/// <summary>
/// Applies one tracker event, idempotently: fetch referenced items, upsert (the store never lets an older version
/// overwrite a newer one), delete, then update the live report and wait until a report including the change is
/// saved. Applying the same message twice changes nothing the second time.
/// A delete is remembered with the time its webhook arrived: an event carried in the queue that is older than that
/// (updated before the removal) is stale, so a late "edited" cannot bring a deleted issue back. Items fetched from the
/// tracker's API are current by definition and are not checked.
/// What the event may touch is checked again here (<see cref="TrackerEventChecks"/>), whatever put it on the queue.
/// </summary>
public sealed class TrackerEventApplier(IItemStore items, IEventLog events, LiveReport live, IWorkItemFetcher fetcher, TimeProvider clock, TrackerClock trackerClock)
{
    /// <exception cref="FormatException">The message names keys its source does not own, or a far-future item (retried, then poisoned).</exception>
    public async Task<AppliedEvent> ApplyAsync(TrackerEventMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TrackerEventChecks.Problem(message, clock.GetUtcNow(), trackerClock) is { } problem)
        {
            throw new FormatException($"refused {message.Source} event {message.Event}: {problem}");
        }
        var source = new SourceKind(message.Source);
        var upserts = new List<WorkItem>(message.Upserts.Count + message.Fetches.Count);
        var removedMeanwhile = 0;
        foreach (var item in message.Upserts.Select(u => u.ToWorkItem()))
        {
            if (await events.GetRemovalAsync(item.Key, cancellationToken) is { } removedAt && item.Updated <= removedAt)
            {
                removedMeanwhile++;
                continue;
            }
            upserts.Add(item);
        }
        var deletes = message.Deletes.ToList();
        foreach (var key in message.Fetches)
        {
            OkrSyncTelemetry.ApiCalls.Add(1, new KeyValuePair<string, object?>("okrsync.source", message.Source));
            if (await fetcher.FetchAsync(source, key, cancellationToken) is { } fetched)
            {
                upserts.Add(fetched);
            }
            else
            {
                deletes.Add(key);
            }
        }
        var inMemory = new List<WorkItem>(upserts.Count);
        var total = default(UpsertResult);
        foreach (var item in upserts)
        {
            var result = await items.UpsertAsync([item], cancellationToken);
            total += result;
            // Stale: the store holds a newer version, which is what the report must show.
            var current = result.Stale > 0 ? await items.GetItemAsync(item.Key, cancellationToken) : item;
            if (current is not null)
            {
                inMemory.Add(current);
            }
        }
        var deleted = 0;
        if (deletes.Count > 0)
        {
            await events.RecordRemovalsAsync(deletes, message.ReceivedAt, cancellationToken);
            deleted = await items.DeleteAsync(deletes, cancellationToken);
        }
        OkrSyncTelemetry.Items.Add(total.Written, new KeyValuePair<string, object?>("okrsync.source", message.Source));
        var change = await live.ApplyAsync(inMemory, deletes, cancellationToken);
        await live.RefreshAsync(change, cancellationToken);
        return new AppliedEvent(total.Written, total.Unchanged, total.Stale + removedMeanwhile, deleted);
    }
}

/// <summary>What applying an event did.</summary>
public sealed record AppliedEvent(int Written, int Unchanged, int Stale, int Deleted)
{
    public override string ToString() => $"written {Written}, unchanged {Unchanged}, stale {Stale}, deleted {Deleted}";
}
