using System.Globalization;
using Azure;
using Azure.Data.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Documents of any size (the current report, weekly snapshots) in one table. A document is a manifest entity
/// (PartitionKey = its partition, RowKey = its name). A body up to <see cref="ChunkBytes"/> is inline in the manifest;
/// a larger one is split into chunk entities of <see cref="ChunkBytes"/> each, in partition <c>{partition}-chunks</c>
/// with RowKey <c>{generation}-{index:D6}</c>, written first. The manifest, which names the generation and its chunk
/// count, is written last, so a reader sees the old document or the new one, never half of one; a replaced
/// generation's chunks are deleted after the swap. A crash between the chunks and the manifest leaves unreferenced
/// chunks behind, never a broken document.
/// </summary>
internal sealed class ChunkedDocuments(TableClient table, EntityTransactions transactions, ILogger logger)
{
    public const int ChunkBytes = 60_000; // a binary property holds at most 64 KiB
    private const int MaxAttempts = 5;
    private const string VersionProperty = "Version";
    private static readonly string[] ManifestProjection = ["RowKey", "Generation", "ChunkCount", VersionProperty];

    /// <summary>Writes the document, replacing any previous one of that name; returns the generation written.</summary>
    public async Task<string> ReplaceAsync(string partition, string name, byte[] body, CancellationToken cancellationToken = default)
    {
        var manifest = await WriteBodyAsync(partition, name, body, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, name, ManifestProjection, cancellationToken);
            try
            {
                if (current.HasValue && current.Value is { } previous)
                {
                    // Conditional on the manifest just read: exactly one writer supersedes each generation, and only it deletes its chunks.
                    manifest[VersionProperty] = VersionOf(previous) + 1;
                    await table.UpdateEntityAsync(manifest, previous.ETag, TableUpdateMode.Replace, cancellationToken);
                    await DeleteChunksAsync(partition, previous.GetString("Generation"), cancellationToken);
                }
                else
                {
                    manifest[VersionProperty] = 1L;
                    await table.AddEntityAsync(manifest, cancellationToken);
                }

                return manifest.GetString("Generation");
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                StorageLog.DocumentConflict(logger, partition, name, attempt);
            }
        }

        throw new InvalidOperationException($"Could not replace document {partition}/{name}: other writers kept replacing it.");
    }

    /// <summary>
    /// Writes the document, with <paramref name="properties"/> on its manifest, when there is none of that name or
    /// <paramref name="supersedes"/> says so of the existing manifest (read with those properties, without its body).
    /// The write is conditional on the manifest judged, so a concurrent writer makes it judge again. False when it did
    /// not write (and its chunks, if any, are deleted).
    /// </summary>
    public async Task<bool> WriteIfAsync(
        string partition,
        string name,
        byte[] body,
        IReadOnlyDictionary<string, object> properties,
        Func<TableEntity, CancellationToken, Task<bool>> supersedes,
        CancellationToken cancellationToken = default) =>
        await WriteGenerationIfAsync(partition, name, body, properties, supersedes, cancellationToken) is not null;

    /// <summary>As <see cref="WriteIfAsync"/>; the generation written, or null when it did not write.</summary>
    private async Task<string?> WriteGenerationIfAsync(
        string partition,
        string name,
        byte[] body,
        IReadOnlyDictionary<string, object> properties,
        Func<TableEntity, CancellationToken, Task<bool>> supersedes,
        CancellationToken cancellationToken)
    {
        string[] projection = [.. ManifestProjection.Union(properties.Keys)];
        TableEntity? manifest = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, name, projection, cancellationToken);
            var previous = current.HasValue ? current.Value : null;
            if (previous is not null && !await supersedes(previous, cancellationToken))
            {
                await DeleteChunksAsync(partition, manifest?.GetString("Generation"), cancellationToken);
                return null;
            }

            if (manifest is null)
            {
                manifest = await WriteBodyAsync(partition, name, body, cancellationToken);
                foreach (var (key, value) in properties)
                {
                    manifest[key] = value;
                }
            }

            try
            {
                if (previous is not null)
                {
                    await table.UpdateEntityAsync(manifest, previous.ETag, TableUpdateMode.Replace, cancellationToken);
                    await DeleteChunksAsync(partition, previous.GetString("Generation"), cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(manifest, cancellationToken);
                }

                return manifest.GetString("Generation");
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                StorageLog.DocumentConflict(logger, partition, name, attempt);
            }
        }

        throw new InvalidOperationException($"Could not write document {partition}/{name}: other writers kept replacing it.");
    }

    /// <summary>
    /// Writes the document only while its manifest's <c>Version</c> is <paramref name="expectedVersion"/> (any when
    /// there is none yet), as version + 1: judged on the manifest read and written If-Match its ETag, so a writer that
    /// raced past it in between makes this one judge again and lose. The body's chunks are written only once the
    /// version matched, and removed when the race was lost. Returns the generation written (null when the race was
    /// lost) and the version now stored.
    /// </summary>
    public async Task<(string? Generation, long Version)> ReplaceIfVersionAsync(string partition, string name, byte[] body, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var generation = await WriteGenerationIfAsync(
            partition,
            name,
            body,
            new Dictionary<string, object> { [VersionProperty] = expectedVersion + 1 },
            (stored, _) => Task.FromResult(VersionOf(stored) == expectedVersion),
            cancellationToken);
        return generation is not null ? (generation, expectedVersion + 1) : (null, await ReadVersionAsync(partition, name, cancellationToken));
    }

    /// <summary>The document's version: 0 when there is none; 1 for one written before versions were kept.</summary>
    public async Task<long> ReadVersionAsync(string partition, string name, CancellationToken cancellationToken = default)
    {
        var head = await table.GetEntityIfExistsAsync<TableEntity>(partition, name, ManifestProjection, cancellationToken);
        return head.HasValue && head.Value is { } manifest ? VersionOf(manifest) : 0;
    }

    private static long VersionOf(TableEntity manifest) => manifest.GetInt64(VersionProperty) ?? 1;

    public async Task<byte[]?> ReadAsync(string partition, string name, CancellationToken cancellationToken = default) =>
        (await ReadUnlessAsync(partition, name, knownGeneration: null, cancellationToken))?.Body;

    /// <summary>
    /// The document and its generation, or only the generation (body null) when it is still
    /// <paramref name="knownGeneration"/>: then one small point read is all it costs. Null when there is no document.
    /// </summary>
    public async Task<(string Generation, byte[]? Body)?> ReadUnlessAsync(string partition, string name, string? knownGeneration, CancellationToken cancellationToken = default)
    {
        if (knownGeneration is not null)
        {
            var head = await table.GetEntityIfExistsAsync<TableEntity>(partition, name, ManifestProjection, cancellationToken);
            if (!head.HasValue || head.Value is null)
            {
                return null;
            }

            if (head.Value.GetString("Generation") == knownGeneration)
            {
                return (knownGeneration, null);
            }
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var manifest = await table.GetEntityIfExistsAsync<TableEntity>(partition, name, cancellationToken: cancellationToken);
            if (!manifest.HasValue || manifest.Value is null)
            {
                return null;
            }

            if (await BodyAsync(partition, manifest.Value, cancellationToken) is { } body)
            {
                return (manifest.Value.GetString("Generation") ?? string.Empty, body);
            }
        }

        throw new InvalidOperationException($"Document {partition}/{name} kept changing while being read.");
    }

    /// <summary>All documents of a partition, in RowKey order.</summary>
    public async IAsyncEnumerable<byte[]> ReadAllAsync(string partition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var manifest in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeyEncoding.Quote(partition)}", cancellationToken: cancellationToken))
        {
            var body = await BodyAsync(partition, manifest, cancellationToken) ?? await ReadAsync(partition, manifest.RowKey, cancellationToken);
            if (body is not null)
            {
                yield return body;
            }
        }
    }

    private async Task<TableEntity> WriteBodyAsync(string partition, string name, byte[] body, CancellationToken cancellationToken)
    {
        var generation = Guid.NewGuid().ToString("N");
        var manifest = new TableEntity(partition, name) { ["Generation"] = generation, ["Length"] = (long)body.Length };
        if (body.Length <= ChunkBytes)
        {
            manifest["Data"] = body;
            manifest["ChunkCount"] = 0;
            return manifest;
        }

        var chunks = body.Chunk(ChunkBytes)
            .Select((data, index) => new TableEntity(ChunkPartition(partition), ChunkRow(generation, index)) { ["Data"] = data })
            .Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity))
            .ToList();
        foreach (var batch in TableBatches.Chunk(chunks))
        {
            await transactions.SubmitAsync(table.Name, batch, cancellationToken);
        }

        manifest["ChunkCount"] = chunks.Count;
        return manifest;
    }

    private async Task<byte[]?> BodyAsync(string partition, TableEntity manifest, CancellationToken cancellationToken)
    {
        if (manifest.GetBinary("Data") is { } inline)
        {
            return inline;
        }

        var generation = manifest.GetString("Generation");
        var count = manifest.GetInt32("ChunkCount") ?? 0;
        var length = manifest.GetInt64("Length") ?? 0;
        using var body = new MemoryStream((int)length);
        var seen = 0;
        await foreach (var chunk in table.QueryAsync<TableEntity>(ChunkFilter(partition, generation), cancellationToken: cancellationToken))
        {
            var data = chunk.GetBinary("Data") ?? [];
            await body.WriteAsync(data, cancellationToken);
            seen++;
        }

        // Fewer chunks than the manifest names: a writer replaced the document meanwhile and deleted them. Read again.
        return seen == count && body.Length == length ? body.ToArray() : null;
    }

    /// <summary>Deletes a generation's chunks (a replaced document's); best effort.</summary>
    public async Task DeleteChunksAsync(string partition, string? generation, CancellationToken cancellationToken)
    {
        if (generation is null)
        {
            return;
        }

        try
        {
            var rows = new List<TableTransactionAction>();
            await foreach (var chunk in table.QueryAsync<TableEntity>(ChunkFilter(partition, generation), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, chunk, ETag.All));
            }

            foreach (var batch in TableBatches.Chunk(rows))
            {
                await transactions.SubmitAsync(table.Name, batch, cancellationToken);
            }
        }
        catch (RequestFailedException ex)
        {
            // Unreferenced chunks are harmless; leave them rather than fail a write that already succeeded.
            StorageLog.ChunkCleanupFailed(logger, partition, generation, ex.Status);
        }
    }

    private static string ChunkPartition(string partition) => partition + "-chunks";

    private static string ChunkRow(string generation, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{generation}-{index:D6}");

    private static string ChunkFilter(string partition, string? generation) =>
        $"PartitionKey eq {TableKeyEncoding.Quote(ChunkPartition(partition))} and RowKey ge {TableKeyEncoding.Quote(generation + "-")} and RowKey lt {TableKeyEncoding.Quote(generation + ".")}";
}
