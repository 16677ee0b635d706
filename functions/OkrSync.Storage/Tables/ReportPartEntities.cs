using System.Globalization;
using Azure;
using Azure.Data.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>
/// The current report's parts (see <c>ReportManifest</c>) as entities in partition <c>current-parts</c>: a part's
/// bytes in chunks of <see cref="ChunkedDocuments.ChunkBytes"/> (a binary property holds at most 64 KiB), RowKey
/// <c>{name}.{index:D4}</c>, the first carrying the chunk count and length. A part is immutable: written once under a
/// name no other upload uses, read whole or reported missing, deleted when no manifest names it any longer.
/// </summary>
internal sealed class ReportPartEntities(TableClient table, EntityTransactions transactions, ILogger logger)
{
    public const string Partition = "current-parts";

    /// <summary>Writes the parts, each part's chunks in as few entity group transactions as fit; returns the bytes written.</summary>
    public async Task<long> WriteAsync(IEnumerable<(string Name, byte[] Body)> parts, CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var (name, body) in parts)
        {
            var chunks = body.Chunk(ChunkedDocuments.ChunkBytes).ToList();
            if (chunks.Count == 0)
            {
                chunks.Add([]);
            }
            for (var index = 0; index < chunks.Count; index++)
            {
                var entity = new TableEntity(Partition, Row(name, index)) { ["Data"] = chunks[index] };
                if (index == 0)
                {
                    entity["Chunks"] = chunks.Count;
                    entity["Length"] = (long)body.Length;
                }
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            }
            bytes += body.Length;
        }
        foreach (var batch in TableBatches.Chunk(actions))
        {
            await transactions.SubmitAsync(table.Name, batch, cancellationToken);
        }
        return bytes;
    }

    /// <summary>
    /// The named parts that are stored whole (name → bytes); a part missing or incomplete is left out. Few parts are
    /// read one range query each; many (a first read) with one scan of the partition.
    /// </summary>
    public async Task<Dictionary<string, byte[]>> ReadAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var chunks = new Dictionary<string, SortedList<int, TableEntity>>(StringComparer.Ordinal);
        void Add(TableEntity entity)
        {
            var dot = entity.RowKey.LastIndexOf('.');
            if (dot > 0 && int.TryParse(entity.RowKey.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                var name = entity.RowKey[..dot];
                if (wanted.Contains(name))
                {
                    (chunks.TryGetValue(name, out var list) ? list : chunks[name] = []).TryAdd(index, entity);
                }
            }
        }
        if (names.Count <= 8)
        {
            foreach (var name in names)
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(Filter(name), cancellationToken: cancellationToken))
                {
                    Add(entity);
                }
            }
        }
        else
        {
            await foreach (var entity in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeyEncoding.Quote(Partition)}", cancellationToken: cancellationToken))
            {
                Add(entity);
            }
        }

        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, list) in chunks)
        {
            if (!list.TryGetValue(0, out var first) || first.GetInt32("Chunks") is not { } count || list.Count != count || first.GetInt64("Length") is not { } length)
            {
                continue;
            }
            var body = new byte[length];
            var at = 0;
            foreach (var chunk in list.Values)
            {
                var data = chunk.GetBinary("Data") ?? [];
                if (at + data.Length > body.Length)
                {
                    at = -1;
                    break;
                }
                data.CopyTo(body, at);
                at += data.Length;
            }
            if (at == body.Length)
            {
                parts[name] = body;
            }
        }
        return parts;
    }

    /// <summary>Deletes the parts' chunks; best effort (an unreferenced part is harmless, only space).</summary>
    public async Task DeleteAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        try
        {
            var rows = new List<TableTransactionAction>();
            foreach (var name in names)
            {
                await foreach (var chunk in table.QueryAsync<TableEntity>(Filter(name), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, chunk, ETag.All));
                }
            }
            foreach (var batch in TableBatches.Chunk(rows))
            {
                await transactions.SubmitAsync(table.Name, batch, cancellationToken);
            }
        }
        catch (RequestFailedException ex)
        {
            StorageLog.ChunkCleanupFailed(logger, Partition, "report parts", ex.Status);
        }
    }

    private static string Row(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}.{index:D4}");

    // Names have one length and no '.', so the rows from "{name}." up to "{name}/" ('.' + 1) are exactly the part's chunks.
    private static string Filter(string name) =>
        $"PartitionKey eq {TableKeyEncoding.Quote(Partition)} and RowKey ge {TableKeyEncoding.Quote(name + ".")} and RowKey lt {TableKeyEncoding.Quote(name + "/")}";
}
