using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace OkrSync.Storage.Tables;

/// <summary>The stored hash, updated time and ETag of one item entity.</summary>
internal sealed record VersionedEntity(StoredVersion Version, ETag ETag);

/// <summary>
/// Reads what an upsert needs to decide (hash, updated, ETag) for many keys at once, projected to those properties.
/// Keys are grouped by partition, sorted, and read 12 per query:
/// <c>PartitionKey eq P and RowKey ge first and RowKey le last and (RowKey eq k1 or ... k12)</c> - a range scan bounded
/// by the chunk's first and last key that returns only the rows asked for (Table Storage allows 15 comparisons per
/// filter). A chunk of one key is a point read. So a sync page costs one request per 12 items and never reads a whole
/// partition, whatever its size.
/// </summary>
internal static class ItemVersions
{
    public const int KeysPerQuery = 12;

    public static async Task<IReadOnlyDictionary<(string PartitionKey, string RowKey), VersionedEntity>> ReadAsync(
        TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, int parallelism, CancellationToken cancellationToken = default)
    {
        var chunks = keys.Distinct()
            .GroupBy(k => k.PartitionKey, StringComparer.Ordinal)
            .SelectMany(p => p.Select(k => k.RowKey).Order(StringComparer.Ordinal).Chunk(KeysPerQuery).Select(rows => (Partition: p.Key, Rows: rows)))
            .ToList();
        var found = new ConcurrentDictionary<(string, string), VersionedEntity>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(chunks, options, async (chunk, token) =>
        {
            if (chunk.Rows.Length == 1)
            {
                var single = await table.GetEntityIfExistsAsync<TableEntity>(chunk.Partition, chunk.Rows[0], ItemEntities.VersionProjection, token);
                if (single.HasValue && single.Value is { } entity)
                {
                    found[(chunk.Partition, chunk.Rows[0])] = new VersionedEntity(ItemEntities.ToVersion(entity), entity.ETag);
                }

                return;
            }

            await foreach (var entity in table.QueryAsync<TableEntity>(Filter(chunk.Partition, chunk.Rows), maxPerPage: 1000, ItemEntities.VersionProjection, token))
            {
                found[(chunk.Partition, entity.RowKey)] = new VersionedEntity(ItemEntities.ToVersion(entity), entity.ETag);
            }
        });

        return found;
    }

    private static string Filter(string partition, string[] sortedRows)
    {
        var anyOf = string.Join(" or ", sortedRows.Select(r => "RowKey eq " + TableKeyEncoding.Quote(r)));
        return $"PartitionKey eq {TableKeyEncoding.Quote(partition)} and RowKey ge {TableKeyEncoding.Quote(sortedRows[0])} and RowKey le {TableKeyEncoding.Quote(sortedRows[^1])} and ({anyOf})";
    }
}
