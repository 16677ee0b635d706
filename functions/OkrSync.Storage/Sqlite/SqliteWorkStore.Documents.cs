using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Storage.Sqlite;

public sealed partial class SqliteWorkStore
{
    // The last current report this store wrote or read, with its generation: while the stored generation is the
    // same, a read skips the parse of the whole document.
    private volatile CachedReport? cachedReport;

    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);
        var generation = Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO current_report (id, json, generation, version) VALUES (1, $json, $generation, 1) " +
            "ON CONFLICT (id) DO UPDATE SET json = excluded.json, generation = excluded.generation, version = current_report.version + 1;");
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$generation", generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
        cachedReport = new CachedReport(generation, report);
    }

    public async Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await VersionAsync(connection, cancellationToken);
    }

    /// <summary>One statement: insert when there is no report, else update only <c>WHERE version = $expected</c>.</summary>
    public async Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedGeneration);
        var json = JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);
        var generation = Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO current_report (id, json, generation, version) VALUES (1, $json, $generation, $next) " +
            "ON CONFLICT (id) DO UPDATE SET json = excluded.json, generation = excluded.generation, version = excluded.version " +
            "WHERE current_report.version = $expected;");
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$generation", generation);
        command.Parameters.AddWithValue("$expected", expectedGeneration);
        command.Parameters.AddWithValue("$next", expectedGeneration + 1);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            cachedReport = new CachedReport(generation, report);
            return new ReportWrite(Written: true, expectedGeneration + 1);
        }

        return new ReportWrite(Written: false, await VersionAsync(connection, cancellationToken));
    }

    private static async Task<long> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT version FROM current_report WHERE id = 1;");
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    /// <summary>The stored report; unchanged since this store last wrote or read it, the same instance again, unparsed.</summary>
    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var known = cachedReport;
        if (known is not null)
        {
            await using var head = Command(connection, null, "SELECT generation FROM current_report WHERE id = 1;");
            var generation = await head.ExecuteScalarAsync(cancellationToken) as string;
            if (generation is null)
            {
                return null;
            }

            // An empty generation is a report written before schema version 2: always parsed.
            if (generation.Length > 0 && generation == known.Generation)
            {
                return known.Report;
            }
        }

        await using var command = Command(connection, null, "SELECT generation, json FROM current_report WHERE id = 1;");
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
        }

        // The stored UTF-8 as it is (SQLite hands back a TEXT column's bytes): no UTF-16 string of the whole report to
        // build and transcode back, which for a large report is two large-object-heap buffers and a slower first read.
        var report = JsonSerializer.Deserialize(row.GetFieldValue<byte[]>(1), ReportJsonContext.Default.ReportDocument);
        if (report is not null)
        {
            cachedReport = new CachedReport(row.GetString(0), report);
        }

        return report;
    }

    /// <summary>One write transaction: read the week's snapshot and whether a later week has one, then insert or replace.</summary>
    public async Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = JsonSerializer.Serialize(snapshot, ReportJsonContext.Default.WeeklySnapshot);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var read = Command(connection, transaction,
            "SELECT json, EXISTS (SELECT 1 FROM weekly_snapshots WHERE iso_week > $week) FROM weekly_snapshots WHERE iso_week = $week;");
        read.Parameters.AddWithValue("$week", snapshot.IsoWeek);
        string? stored = null;
        var laterWeek = false;
        await using (var row = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await row.ReadAsync(cancellationToken))
            {
                stored = row.GetString(0);
                laterWeek = row.GetBoolean(1);
            }
        }

        if (stored is not null && (laterWeek || !Supersedes(snapshot, stored)))
        {
            return false;
        }

        await using var write = Command(connection, transaction,
            "INSERT INTO weekly_snapshots (iso_week, json) VALUES ($week, $json) ON CONFLICT (iso_week) DO UPDATE SET json = excluded.json;");
        write.Parameters.AddWithValue("$week", snapshot.IsoWeek);
        write.Parameters.AddWithValue("$json", json);
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static bool Supersedes(WeeklySnapshot snapshot, string storedJson) =>
        JsonSerializer.Deserialize(storedJson, ReportJsonContext.Default.WeeklySnapshot) is not { } stored || snapshot.TakenAt > stored.TakenAt;

    public async IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT json FROM weekly_snapshots ORDER BY iso_week;");
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            yield return JsonSerializer.Deserialize(row.GetString(0), ReportJsonContext.Default.WeeklySnapshot)
                ?? throw new InvalidDataException("A stored snapshot is empty.");
        }
    }

    private sealed record CachedReport(string Generation, ReportDocument Report);
}
