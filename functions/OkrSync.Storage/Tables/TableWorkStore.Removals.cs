using Azure;
using Azure.Data.Tables;

namespace OkrSync.Storage.Tables;

/// <summary>Items removed at the tracker, remembered for a while so that late, older events cannot bring them back.</summary>
public sealed partial class TableWorkStore
{
    /// <summary>PartitionKey <c>removed</c>, RowKey = the item's key; a later removal replaces the row.</summary>
    public async Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureCreatedAsync(cancellationToken);
        var rows = keys.Distinct(StringComparer.Ordinal)
            .Select(key => new TableEntity(RemovalPartition, TableKeyEncoding.Encode(key)) { ["Key"] = key, ["RemovedAt"] = StoredTime.Format(removedAt) })
            .Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        foreach (var batch in TableBatches.Chunk(rows))
        {
            await transactions.SubmitAsync(Removals.Name, batch, cancellationToken);
        }
    }

    public async Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureCreatedAsync(cancellationToken);
        var row = await Removals.GetEntityIfExistsAsync<TableEntity>(RemovalPartition, TableKeyEncoding.Encode(key), ["RemovedAt"], cancellationToken);
        return row.HasValue && row.Value is { } found ? StoredTime.ParseOptional(found.GetString("RemovedAt")) : null;
    }

    public async Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await PruneOlderAsync(Removals, "RemovedAt", removedBefore, cancellationToken);
    }

    private async Task<int> PruneOlderAsync(TableClient table, string timeProperty, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var old = new List<TableTransactionAction>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", timeProperty], cancellationToken: cancellationToken))
        {
            if (StoredTime.ParseOptional(entity.GetString(timeProperty)) is { } at && at < before)
            {
                old.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            }
        }

        foreach (var batch in TableBatches.Chunk(old))
        {
            await transactions.SubmitAsync(table.Name, batch, cancellationToken);
        }

        return old.Count;
    }
}
