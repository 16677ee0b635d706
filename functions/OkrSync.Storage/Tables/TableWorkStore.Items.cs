using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Tables;

public sealed partial class TableWorkStore
{
    /// <summary>
    /// Reads the stored versions of the call's items (projected, 12 keys per query), decides each item, writes the
    /// inserts (<c>Add</c>) and replacements (<c>UpdateReplace</c> with the read ETag) in single-partition batches, and on
    /// a conflict (409/412/404: another writer got there first) re-reads and re-decides only the items of the failed
    /// batch, a bounded number of times.
    /// </summary>
    public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, UpsertAuthority.NewerWins, cancellationToken);

    public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, UpsertAuthority.Tracker, cancellationToken);

    private async Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, UpsertAuthority authority, CancellationToken cancellationToken)
    {
        var (pending, result) = UpsertRules.Prepare(items);
        if (pending.Count == 0)
        {
            return result;
        }

        await EnsureCreatedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var entities = pending.Select(p => (Prepared: p, Entity: ItemEntities.ToEntity(p))).ToList();
            // First attempt: keys new to a fresh partition need no read (see FreshPartitions); a retry reads everything.
            if (attempt == 1)
            {
                await ProbePartitionsAsync(entities.Select(e => e.Entity), cancellationToken);
            }
            var toRead = entities.Where(e => attempt > 1 || !fresh.IsNew(e.Entity.PartitionKey, e.Entity.RowKey)).Select(e => (e.Entity.PartitionKey, e.Entity.RowKey)).ToList();
            var stored = await ItemVersions.ReadAsync(Items, toRead, parallelism, cancellationToken);
            foreach (var partition in toRead.Select(k => k.PartitionKey).Distinct(StringComparer.Ordinal))
            {
                fresh.Observe(partition, stored.Keys.Any(k => k.PartitionKey == partition));
            }
            if (BeforeItemWrites is { } hook)
            {
                await hook(cancellationToken);
            }

            var byRow = new Dictionary<(string, string), PreparedItem>();
            var actions = new List<TableTransactionAction>();
            foreach (var (prepared, entity) in entities)
            {
                var version = stored.GetValueOrDefault((entity.PartitionKey, entity.RowKey));
                var decision = UpsertRules.Decide(prepared, version?.Version, authority);
                switch (decision)
                {
                    case UpsertDecision.Insert:
                        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                        break;
                    case UpsertDecision.Replace:
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, version!.ETag));
                        break;
                    default:
                        result += UpsertRules.Count(decision);
                        continue;
                }

                byRow[(entity.PartitionKey, entity.RowKey)] = prepared;
            }

            // The directory entries before the items: an item is never stored where a lookup by its key cannot find it.
            await directory.WriteAsync(
                from action in actions
                let key = byRow[(action.Entity.PartitionKey, action.Entity.RowKey)].Item.Key
                where ItemKeyDirectory.Needs(action.Entity.PartitionKey, key)
                select (key, action.Entity.RowKey, action.Entity.PartitionKey),
                cancellationToken);

            var written = 0;
            var conflicted = new ConcurrentBag<PreparedItem>();
            await System.Threading.Tasks.Parallel.ForEachAsync(TableBatches.Chunk(actions), ParallelOptionsFor(cancellationToken), async (batch, token) =>
            {
                try
                {
                    await transactions.SubmitAsync(Items.Name, batch, token);
                    Interlocked.Add(ref written, batch.Count);
                    foreach (var action in batch.Where(a => a.ActionType == TableTransactionActionType.Add))
                    {
                        fresh.Inserted(action.Entity.PartitionKey, action.Entity.RowKey);
                    }
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
                {
                    foreach (var action in batch)
                    {
                        fresh.Forget(action.Entity.PartitionKey);
                        conflicted.Add(byRow[(action.Entity.PartitionKey, action.Entity.RowKey)]);
                    }
                }
            });

            result += new UpsertResult(written, 0, 0);
            if (conflicted.IsEmpty)
            {
                return result;
            }

            if (attempt == MaxConflictAttempts)
            {
                throw new InvalidOperationException($"{conflicted.Count} items still conflicted with other writers after {attempt} attempts.");
            }

            StorageLog.ItemConflict(logger, conflicted.Count, attempt);
            pending = [.. conflicted];
        }
    }

    /// <summary>
    /// A partition this store knows nothing of, with more of the call's keys than one lookup query takes, is probed
    /// first: one query for any entity in it. An empty one is fresh (its keys need no reads); a populated one is read
    /// as usual, and never probed again. So a repository's first page costs one request instead of one per 12 keys.
    /// </summary>
    private async Task ProbePartitionsAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var unknown = entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .Where(p => p.Count() > ItemVersions.KeysPerQuery && fresh.NeedsProbe(p.Key))
            .Select(p => p.Key)
            .ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(unknown, ParallelOptionsFor(cancellationToken), async (partition, token) =>
        {
            var filter = "PartitionKey eq " + TableKeyEncoding.Quote(partition);
            var any = false;
            // The service may answer a page with no entities and a continuation: the enumeration follows it.
            await foreach (var _ in Items.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: token))
            {
                any = true;
                break;
            }
            fresh.Observe(partition, any);
        });
    }

    public async Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureCreatedAsync(cancellationToken);
        var existed = 0;
        await System.Threading.Tasks.Parallel.ForEachAsync(keys.Distinct(StringComparer.Ordinal), ParallelOptionsFor(cancellationToken), async (key, token) =>
        {
            if (await FindItemAsync(key, ["PartitionKey", "RowKey", "Key"], token) is { } entity)
            {
                await Items.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, token);
                // After the delete, never before: a reader that catches up between the two sees neither, and finds
                // the deletion, stamped after its mark, the next time (see TableWorkStore.Changes).
                await RecordDeletionAsync(entity.GetString("Key") ?? key, token);
                var storedKey = entity.GetString("Key") ?? key;
                if (ItemKeyDirectory.Needs(entity.PartitionKey, storedKey))
                {
                    await directory.DeleteAsync(storedKey, entity.RowKey, token);
                }
                Interlocked.Increment(ref existed);
            }
        });

        return existed;
    }

    public async Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureCreatedAsync(cancellationToken);
        return await FindItemAsync(key, select: null, cancellationToken) is { } entity ? ItemEntities.ToItem(entity) : null;
    }

    public async IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var filter = "PartitionKey eq " + TableKeyEncoding.Quote(ItemEntities.PartitionOf(source, container));
        await foreach (var entity in Items.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ItemEntities.ToItem(entity);
        }
    }

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) =>
        QueryAllItemsAsync(select: null, cancellationToken);

    /// <summary>The query selects every property but <c>Body</c>, so the bodies never cross the wire.</summary>
    public IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default) =>
        QueryAllItemsAsync(ItemEntities.PropertiesButBody, cancellationToken);

    /// <summary>
    /// Every item; a read that reaches the end completes the key directory (<see cref="ItemKeyDirectory"/>) if it is
    /// not yet: the items it saw whose key does not tell their partition get their entries, then the marker.
    /// </summary>
    private async IAsyncEnumerable<WorkItem> QueryAllItemsAsync(IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var completing = !await directory.IsCompleteAsync(cancellationToken);
        var unusual = new List<(string Key, string RowKey, string Partition)>();
        await foreach (var entity in Items.QueryAsync<TableEntity>(select: select, cancellationToken: cancellationToken))
        {
            var item = ItemEntities.ToItem(entity);
            if (completing && ItemEntities.PartitionOf(item.Source, item.Container) is var partition && ItemKeyDirectory.Needs(partition, item.Key))
            {
                unusual.Add((item.Key, ItemEntities.RowKeyOf(item.Key), partition));
            }
            yield return item;
        }
        if (completing)
        {
            await directory.WriteAsync(unusual, cancellationToken);
            await directory.MarkCompleteAsync(cancellationToken);
        }
    }

    /// <summary>A store whose items table is empty when first opened has nothing to enter in the key directory.</summary>
    private async Task CompleteDirectoryOfEmptyStoreAsync(CancellationToken cancellationToken)
    {
        if (await directory.IsCompleteAsync(cancellationToken))
        {
            return;
        }
        await foreach (var _ in Items.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            return;
        }
        await directory.MarkCompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Point reads in the partitions the key suggests, then the one the key directory names. Only a store whose
    /// directory is not complete yet (written before it existed) falls back to a query across partitions.
    /// </summary>
    private async Task<TableEntity?> FindItemAsync(string key, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var stored = StoredItemLimits.Clean(key);
        var rowKey = ItemEntities.RowKeyOf(stored);
        var projection = select?.ToList();
        foreach (var partition in ItemEntities.LikelyPartitions(key))
        {
            if (await PointReadAsync(partition) is { } found)
            {
                return found;
            }
        }

        if (await directory.IsCompleteAsync(cancellationToken))
        {
            return await directory.PartitionOfAsync(stored, rowKey, cancellationToken) is { } named ? await PointReadAsync(named) : null;
        }

        Interlocked.Increment(ref crossPartitionLookups);
        await foreach (var entity in Items.QueryAsync<TableEntity>("RowKey eq " + TableKeyEncoding.Quote(rowKey), maxPerPage: 1, projection, cancellationToken))
        {
            return entity;
        }

        return null;

        async Task<TableEntity?> PointReadAsync(string partition)
        {
            var hit = await Items.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, projection, cancellationToken);
            return hit.HasValue ? hit.Value : null;
        }
    }

    private long crossPartitionLookups;

    /// <summary>How many lookups by key fell back to a query across partitions (a store whose key directory is not complete).</summary>
    internal long CrossPartitionLookups => Interlocked.Read(ref crossPartitionLookups);
}
