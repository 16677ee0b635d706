using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Storage.Reports;

namespace OkrSync.Storage.Tables;

public sealed partial class TableWorkStore
{
    private const string CurrentReportPartition = "current";
    private const string CurrentReportName = "report";
    private const string WeeklyPartition = "weekly";
    private const string SnapshotTakenAt = "TakenAt";

    // The last current report this store wrote or read, with its generation: while the stored generation is the
    // same, a read costs one point read of the manifest instead of its parts, a gunzip and a parse.
    private volatile CachedReport? cachedReport;
    private readonly ReportPartWriter partWriter = new();
    private readonly ReportPartReader partReader = new();

    /// <summary>Test seam: runs after a report's new parts are written, before its manifest is swapped.</summary>
    internal Func<CancellationToken, Task>? BeforeReportManifest { get; set; }

    // The manifest entity's properties when the report is stored in parts: the manifest text (UTF-8) in binary
    // properties Manifest0, Manifest1... of up to a chunk each, and how many (Parts). Without Parts it is a report
    // stored whole before parts existed (a ChunkedDocuments manifest), still read.
    private const string PartsProperty = "Parts";
    private const string ManifestProperty = "Manifest";
    private const int MaxAttempts = 5;

    /// <summary>Stores the report (callers keep only the work items that need attention) in parts, over whatever generation is stored, as the next one.</summary>
    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await SavePartsAsync(report, expectedGeneration: null, cancellationToken);
    }

    public async Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await new ChunkedDocuments(Reports, transactions, logger).ReadVersionAsync(CurrentReportPartition, CurrentReportName, cancellationToken);
    }

    /// <summary>
    /// Judged on the manifest entity read (refused unless its <c>Version</c> is <paramref name="expectedGeneration"/>,
    /// or there is none), then the parts the stored manifest does not name are written, then the manifest, If-Match the
    /// ETag read: a writer that raced past in between makes this one judge again (and lose), and delete what it uploaded.
    /// </summary>
    public async Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedGeneration);
        return await SavePartsAsync(report, expectedGeneration, cancellationToken);
    }

    /// <summary>
    /// The parts first, the manifest last: a reader sees the report before or after, whole. The previous manifest's
    /// parts that the new one no longer names stay one more generation (its <see cref="ReportManifest.Retired"/>), so
    /// that a reader that just read the previous manifest still finds them; the write after next deletes them.
    /// </summary>
    private async Task<ReportWrite> SavePartsAsync(ReportDocument report, long? expectedGeneration, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var parts = partWriter.Cut(report);
        var entities = new ReportPartEntities(Reports, transactions, logger);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await Reports.GetEntityIfExistsAsync<TableEntity>(CurrentReportPartition, CurrentReportName, cancellationToken: cancellationToken);
            var previous = current.HasValue ? current.Value : null;
            var storedVersion = previous is null ? 0 : previous.GetInt64("Version") ?? 1;
            if (expectedGeneration is { } expected && previous is not null && storedVersion != expected)
            {
                return new ReportWrite(Written: false, storedVersion);
            }

            var storedManifest = previous is not null && IsParts(previous) ? ManifestOf(previous) : null;
            var plan = ReportPartWriter.Plan(parts, storedManifest);
            await entities.WriteAsync(plan.Writes.Select(w => (w.Name, w.Part.Body)), cancellationToken);
            if (BeforeReportManifest is { } pause)
            {
                await pause(cancellationToken);
            }
            var next = (previous is null ? expectedGeneration ?? 0 : storedVersion) + 1;
            var generation = Guid.NewGuid().ToString("N");
            var entity = ManifestEntity(plan.Manifest, generation, next);
            try
            {
                if (previous is not null)
                {
                    await Reports.UpdateEntityAsync(entity, previous.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Reports.AddEntityAsync(entity, cancellationToken);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer swapped the manifest first: what this one uploaded is named by no manifest (fresh names).
                StorageLog.DocumentConflict(logger, CurrentReportPartition, CurrentReportName, attempt);
                await entities.DeleteAsync(plan.Writes.Select(w => w.Name), cancellationToken);
                continue;
            }

            if (storedManifest is not null)
            {
                await entities.DeleteAsync(storedManifest.Retired, cancellationToken);
            }
            else if (previous is not null)
            {
                await new ChunkedDocuments(Reports, transactions, logger).DeleteChunksAsync(CurrentReportPartition, previous.GetString("Generation"), cancellationToken);
            }

            partReader.Wrote(plan.Manifest, parts);
            cachedReport = new CachedReport(generation, report);
            return new ReportWrite(Written: true, next);
        }

        throw new InvalidOperationException($"Could not write the current report: other writers kept replacing it ({MaxAttempts} attempts).");
    }

    private static TableEntity ManifestEntity(ReportManifest manifest, string generation, long version)
    {
        var entity = new TableEntity(CurrentReportPartition, CurrentReportName) { ["Generation"] = generation, ["Version"] = version };
        var chunks = System.Text.Encoding.UTF8.GetBytes(manifest.Format()).Chunk(ChunkedDocuments.ChunkBytes).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[ManifestProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = chunks[i];
        }
        entity[PartsProperty] = chunks.Count;
        return entity;
    }

    private static bool IsParts(TableEntity entity) => entity.GetInt32(PartsProperty) is not null;

    private static ReportManifest ManifestOf(TableEntity entity)
    {
        var count = entity.GetInt32(PartsProperty) ?? 0;
        using var text = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            text.Write(entity.GetBinary(ManifestProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? []);
        }
        return ReportManifest.Parse(System.Text.Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
    }

    /// <summary>
    /// The stored report; unchanged since this store last wrote or read it, the same instance again, after one point
    /// read. Else the manifest, then only the parts not held from the last read or write. A part missing (the manifest
    /// moved on twice while this read ran) makes it read the manifest again.
    /// </summary>
    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var known = cachedReport;
        if (known is not null)
        {
            var head = await Reports.GetEntityIfExistsAsync<TableEntity>(CurrentReportPartition, CurrentReportName, ["Generation"], cancellationToken);
            if (!head.HasValue || head.Value is null)
            {
                return null;
            }

            if (head.Value.GetString("Generation") == known.Generation)
            {
                return known.Report;
            }
        }

        var entities = new ReportPartEntities(Reports, transactions, logger);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await Reports.GetEntityIfExistsAsync<TableEntity>(CurrentReportPartition, CurrentReportName, cancellationToken: cancellationToken);
            if (!current.HasValue || current.Value is not { } entity)
            {
                return null;
            }

            if (!IsParts(entity))
            {
                // Null: the manifest went away, or was replaced by one in parts, while the whole document was read.
                if (await ReadSingleDocumentAsync(cancellationToken) is { } whole)
                {
                    return whole;
                }
                continue;
            }

            var manifest = ManifestOf(entity);
            var start = partReader.Start(manifest);
            var fetched = await entities.ReadAsync(start.Missing, cancellationToken);
            if (partReader.Assemble(manifest, start, fetched) is { } report)
            {
                cachedReport = new CachedReport(entity.GetString("Generation") ?? string.Empty, report);
                return report;
            }
        }

        throw new InvalidOperationException("The current report kept changing while being read.");
    }

    /// <summary>A report stored whole, before parts existed (gzip-compressed JSON, chunked when large).</summary>
    private async Task<ReportDocument?> ReadSingleDocumentAsync(CancellationToken cancellationToken)
    {
        var read = await new ChunkedDocuments(Reports, transactions, logger).ReadUnlessAsync(CurrentReportPartition, CurrentReportName, null, cancellationToken);
        if (read is not { Body: { Length: > 0 } body } found)
        {
            return null;
        }

        var report = Decompress(body, ReportJsonContext.Default.ReportDocument);
        cachedReport = new CachedReport(found.Generation, report);
        return report;
    }

    /// <summary>
    /// One manifest per ISO week (RowKey <c>2026-W47</c>), carrying the snapshot's <c>TakenAt</c>: added when the week
    /// has none, else replaced (conditionally on the manifest read) only by a later snapshot while no later week has one.
    /// </summary>
    public async Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await EnsureCreatedAsync(cancellationToken);
        var body = Compress(snapshot, ReportJsonContext.Default.WeeklySnapshot, CompressionLevel.Optimal);
        var week = TableKeyEncoding.Encode(snapshot.IsoWeek);
        var documents = new ChunkedDocuments(Snapshots, transactions, logger);
        return await documents.WriteIfAsync(
            WeeklyPartition,
            week,
            body,
            new Dictionary<string, object> { [SnapshotTakenAt] = StoredTime.Format(snapshot.TakenAt) },
            async (stored, ct) => snapshot.TakenAt > await TakenAtAsync(documents, stored, ct) && !await HasLaterWeekAsync(week, ct),
            cancellationToken);
    }

    // Manifests written before the TakenAt property existed are read whole once to find it.
    private static async Task<DateTimeOffset> TakenAtAsync(ChunkedDocuments documents, TableEntity manifest, CancellationToken cancellationToken)
    {
        if (StoredTime.ParseOptional(manifest.GetString(SnapshotTakenAt)) is { } takenAt)
        {
            return takenAt;
        }

        var body = await documents.ReadAsync(WeeklyPartition, manifest.RowKey, cancellationToken);
        return body is null ? DateTimeOffset.MinValue : Decompress(body, ReportJsonContext.Default.WeeklySnapshot).TakenAt;
    }

    // ISO week names pass the key encoding unchanged and sort as text in time order.
    private async Task<bool> HasLaterWeekAsync(string week, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeyEncoding.Quote(WeeklyPartition)} and RowKey gt {TableKeyEncoding.Quote(week)}";
        await foreach (var _ in Snapshots.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>Oldest first: ISO week names sort as text in time order.</summary>
    public async IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await foreach (var body in new ChunkedDocuments(Snapshots, transactions, logger).ReadAllAsync(WeeklyPartition, cancellationToken))
        {
            yield return Decompress(body, ReportJsonContext.Default.WeeklySnapshot);
        }
    }

    // The current report is rewritten on every recompute (every few seconds under webhook load): it is compressed
    // fast. Weekly snapshots are kept for good and rewritten at most once a sync: they are compressed small.
    private static byte[] Compress<T>(T value, JsonTypeInfo<T> typeInfo, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, value, typeInfo);
        }

        return output.ToArray();
    }

    private static T Decompress<T>(byte[] body, JsonTypeInfo<T> typeInfo)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(gzip, typeInfo) ?? throw new InvalidDataException("A stored document is empty.");
    }

    private sealed record CachedReport(string Generation, ReportDocument Report);
}
