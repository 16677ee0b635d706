using Azure;
using Azure.Data.Tables;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Where the items live whose partition the key does not tell (table <c>{prefix}itemkeys</c>). A lookup by key reads
/// the partitions the key's shape suggests (<see cref="ItemEntities.LikelyPartitions"/>); an item stored elsewhere (a
/// Jira project configured by id, a repository spelled in another case, an unknown tracker) has an entry here, PartitionKey
/// the item's RowKey, RowKey <c>item</c>, naming its partition. So a key that is not stored costs point reads, never a
/// query across partitions (at 1,000,000 items, a scan of the whole table).
/// <para>
/// The directory is complete once the store knows that every such item has its entry: a store whose items table was
/// empty when first opened, or whose items were all read once (<see cref="TableWorkStore.ReadAllItemsAsync"/>, which
/// the realign after every sync does) with the missing entries written. Until then, a miss still falls back to the
/// query across partitions, so that a store written before the directory existed finds every item.
/// </para>
/// </summary>
internal sealed class ItemKeyDirectory(TableClient table)
{
    private const string EntryRow = "item";
    private const string PartitionProperty = "Partition";
    private const string MarkerPartition = "~directory";
    private const string MarkerRow = "complete";

    private volatile bool complete;

    /// <summary>Whether an item of this key in this partition needs an entry: the key does not point there.</summary>
    public static bool Needs(string partition, string key) =>
        !ItemEntities.LikelyPartitions(key).Contains(partition, StringComparer.Ordinal);

    /// <summary>Writes the entries (RowKey of the item, its partition); idempotent.</summary>
    public async Task WriteAsync(IEnumerable<(string RowKey, string Partition)> entries, CancellationToken cancellationToken)
    {
        foreach (var (rowKey, partition) in entries.DistinctBy(e => e.RowKey, StringComparer.Ordinal))
        {
            await table.UpsertEntityAsync(new TableEntity(rowKey, EntryRow) { [PartitionProperty] = partition }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>The partition the directory names for an item's RowKey, or null.</summary>
    public async Task<string?> PartitionOfAsync(string rowKey, CancellationToken cancellationToken)
    {
        var entry = await table.GetEntityIfExistsAsync<TableEntity>(rowKey, EntryRow, [PartitionProperty], cancellationToken);
        return entry.HasValue ? entry.Value?.GetString(PartitionProperty) : null;
    }

    /// <summary>Drops an item's entry, if any (best effort: an entry whose item is gone only costs a point read).</summary>
    public async Task DeleteAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(rowKey, EntryRow, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

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
