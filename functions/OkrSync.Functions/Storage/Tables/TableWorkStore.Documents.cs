using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OkrSync.Core.Reports;

namespace OkrSync.Functions.Storage.Tables;

public sealed partial class TableWorkStore
{
    private const string CurrentReportPartition = "current";
    private const string CurrentReportName = "report";
    private const string WeeklyPartition = "weekly";

    /// <summary>Stores the report as given (callers keep only the work items that need attention), gzip-compressed JSON, chunked when large (see <see cref="ChunkedDocuments"/>).</summary>
    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await EnsureCreatedAsync(cancellationToken);
        var body = Compress(report, ReportJsonContext.Default.ReportDocument);
        await new ChunkedDocuments(Reports, logger).ReplaceAsync(CurrentReportPartition, CurrentReportName, body, cancellationToken);
    }

    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var body = await new ChunkedDocuments(Reports, logger).ReadAsync(CurrentReportPartition, CurrentReportName, cancellationToken);
        return body is null ? null : Decompress(body, ReportJsonContext.Default.ReportDocument);
    }

    /// <summary>One manifest per ISO week (RowKey <c>2026-W47</c>), added only if absent: idempotent, first one wins.</summary>
    public async Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await EnsureCreatedAsync(cancellationToken);
        var body = Compress(snapshot, ReportJsonContext.Default.WeeklySnapshot);
        var week = TableKeyEncoding.Encode(snapshot.IsoWeek);
        return await new ChunkedDocuments(Snapshots, logger).AddIfAbsentAsync(WeeklyPartition, week, body, cancellationToken);
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

    private static byte[] Compress<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
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
}
