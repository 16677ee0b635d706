using Azure;
using Azure.Data.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Where the items live whose partition the key does not tell (table <c>{prefix}itemkeys</c>). A lookup by key reads
/// the partitions the key's shape suggests (<see cref="ItemEntities.LikelyPartitions"/>); an item stored elsewhere (a
/// Jira project configured by id, a repository spelled in another case, an unknown tracker) has an entry here naming its
/// partition: PartitionKey the partition the key points to (<c>~other</c> for a key of no tracker's shape), RowKey the
/// item's. A sync of a project configured by id writes its entries as it writes its items, up to 100 per transaction
/// (one page's keys point to one partition). So a key that is not stored costs point reads, never a query across
/// partitions (at 1,000,000 items, a scan of the whole table).
/// <para>
/// The directory is complete once the store knows that every such item has its entry: a store whose items table was
/// empty when first opened, or whose items were all read once (<see cref="TableWorkStore.ReadAllItemsAsync"/>, which
/// the realign after every sync does) with the missing entries written. Until then, a miss still falls back to the
/// query across partitions, so that a store written before the directory existed finds every item.
/// </para>
/// </summary>
internal sealed class ItemKeyDirectory(TableClient table, EntityTransactions transactions, int parallelism)
{
    private const string PartitionProperty = "Partition";
    private const string OtherKeys = "~other";
    private const string MarkerPartition = "~directory";
    private const string MarkerRow = "complete";

    private volatile bool complete;

    /// <summary>Whether an item of this key in this partition needs an entry: the key does not point there.</summary>
    public static bool Needs(string partition, string key) =>
        !ItemEntities.LikelyPartitions(key).Contains(partition, StringComparer.Ordinal);

    /// <summary>Writes the entries (the item's key, RowKey and partition), in transactions per directory partition; idempotent.</summary>
    public async Task WriteAsync(IEnumerable<(string Key, string RowKey, string Partition)> entries, CancellationToken cancellationToken)
    {
        var actions = entries
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(EntryPartition(e.Key), e.RowKey) { [PartitionProperty] = e.Partition }))
            .DistinctBy(a => (a.Entity.PartitionKey, a.Entity.RowKey))
            .OrderBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .ToList();
        if (actions.Count == 0)
        {
            return;
        }
        await Parallel.ForEachAsync(
            TableBatches.Chunk(actions),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await transactions.SubmitAsync(table.Name, batch, token));
    }

    /// <summary>The partition the directory names for an item (its key, as stored, and RowKey), or null.</summary>
    public async Task<string?> PartitionOfAsync(string key, string rowKey, CancellationToken cancellationToken)
    {
        var entry = await table.GetEntityIfExistsAsync<TableEntity>(EntryPartition(key), rowKey, [PartitionProperty], cancellationToken);
        return entry.HasValue ? entry.Value?.GetString(PartitionProperty) : null;
    }

    /// <summary>Drops an item's entry, if any (best effort: an entry whose item is gone only costs a point read).</summary>
    public async Task DeleteAsync(string key, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(EntryPartition(key), rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static string EntryPartition(string key) => ItemEntities.LikelyPartitions(key).FirstOrDefault() ?? OtherKeys;

    /// <summary>Whether every item whose key does not tell its partition has an entry (once true, it stays true).</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        if (!complete)
        {
            var marker = await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, ["PartitionKey"], cancellationToken);
            complete = marker.HasValue;
        }
        return complete;
    }

    /// <summary>Records that the directory is complete (see the class remarks for when a caller may).</summary>
    public async Task MarkCompleteAsync(CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow), TableUpdateMode.Replace, cancellationToken);
        complete = true;
    }
}
