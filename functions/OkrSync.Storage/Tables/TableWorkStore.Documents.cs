using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Storage.Tables;

public sealed partial class TableWorkStore
{
    private const string CurrentReportPartition = "current";
    private const string CurrentReportName = "report";
    private const string WeeklyPartition = "weekly";
    private const string SnapshotTakenAt = "TakenAt";

    // The last current report this store wrote or read, with its generation: while the stored generation is the
    // same, a read costs one point read of the manifest instead of every chunk, a gunzip and a parse.
    private volatile CachedReport? cachedReport;

    /// <summary>Stores the report as given (callers keep only the work items that need attention), gzip-compressed JSON, chunked when large (see <see cref="ChunkedDocuments"/>).</summary>
    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await EnsureCreatedAsync(cancellationToken);
        var body = Compress(report, ReportJsonContext.Default.ReportDocument, CompressionLevel.Fastest);
        var generation = await new ChunkedDocuments(Reports, logger).ReplaceAsync(CurrentReportPartition, CurrentReportName, body, cancellationToken);
        cachedReport = new CachedReport(generation, report);
    }

    public async Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await new ChunkedDocuments(Reports, logger).ReadVersionAsync(CurrentReportPartition, CurrentReportName, cancellationToken);
    }

    /// <summary>As <see cref="SaveCurrentReportAsync"/>, If-Match the manifest that still names <paramref name="expectedGeneration"/>.</summary>
    public async Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedGeneration);
        await EnsureCreatedAsync(cancellationToken);
        var body = Compress(report, ReportJsonContext.Default.ReportDocument, CompressionLevel.Fastest);
        var (generation, version) = await new ChunkedDocuments(Reports, logger)
            .ReplaceIfVersionAsync(CurrentReportPartition, CurrentReportName, body, expectedGeneration, cancellationToken);
        if (generation is not null)
        {
            cachedReport = new CachedReport(generation, report);
        }

        return new ReportWrite(generation is not null, version);
    }

    /// <summary>The stored report; unchanged since this store last wrote or read it, the same instance again, after one point read.</summary>
    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var known = cachedReport;
        var read = await new ChunkedDocuments(Reports, logger)
            .ReadUnlessAsync(CurrentReportPartition, CurrentReportName, known?.Generation, cancellationToken);
        if (read is not { } found)
        {
            return null;
        }

        if (found.Body is null && known is not null)
        {
            return known.Report;
        }

        var report = Decompress(found.Body!, ReportJsonContext.Default.ReportDocument);
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
        var documents = new ChunkedDocuments(Snapshots, logger);
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
        await foreach (var body in new ChunkedDocuments(Snapshots, logger).ReadAllAsync(WeeklyPartition, cancellationToken))
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
