using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Storage.Reports;

namespace OkrSync.Storage.Sqlite;

public sealed partial class SqliteWorkStore
{
    // The last current report this store wrote or read, with its generation: while the stored generation is the
    // same, a read skips the parts and the parse.
    private volatile CachedReport? cachedReport;
    private readonly ReportPartWriter partWriter = new();
    private readonly ReportPartReader partReader = new();

    /// <summary>Test seam: runs after a report's new parts are written, before its manifest is swapped.</summary>
    internal Func<CancellationToken, Task>? BeforeReportManifest { get; set; }

    /// <summary>Unconditional: over whatever generation is stored, as the next one.</summary>
    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await SavePartsAsync(report, expectedGeneration: null, cancellationToken);
    }

    public async Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await VersionAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// One write transaction: the stored version checked (refused unless <paramref name="expectedGeneration"/>, or no
    /// report at all), the parts the stored manifest does not name inserted, the manifest swapped, and the parts it no
    /// longer names deleted. A reader's transaction sees the report before it or after it, whole.
    /// </summary>
    public async Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedGeneration);
        return await SavePartsAsync(report, expectedGeneration, cancellationToken);
    }

    private async Task<ReportWrite> SavePartsAsync(ReportDocument report, long? expectedGeneration, CancellationToken cancellationToken)
    {
        // The CPU (serialising and compressing the runs that changed) before the write lock, not under it.
        var parts = partWriter.Cut(report);
        var generation = Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(path, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long? stored = null;
        string? storedManifest = null;
        await using (var read = Command(connection, transaction, "SELECT version, manifest FROM current_report WHERE id = 1;"))
        await using (var row = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await row.ReadAsync(cancellationToken))
            {
                stored = row.GetInt64(0);
                storedManifest = row.IsDBNull(1) ? null : row.GetString(1);
            }
        }
        if (expectedGeneration is { } expected && stored is { } found && found != expected)
        {
            return new ReportWrite(Written: false, found);
        }

        var next = (stored ?? expectedGeneration ?? 0) + 1;
        var plan = ReportPartWriter.Plan(parts, storedManifest is null ? null : ReportManifest.Parse(storedManifest));
        var manifest = plan.Manifest with { Retired = [] };
        await using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO report_parts (name, body) VALUES ($name, $body);"))
        {
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Blob);
            foreach (var (partName, part) in plan.Writes)
            {
                name.Value = partName;
                body.Value = part.Body;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        if (BeforeReportManifest is { } pause)
        {
            await pause(cancellationToken);
        }
        await using (var swap = Command(connection, transaction,
            "INSERT INTO current_report (id, json, generation, version, manifest) VALUES (1, '', $generation, $next, $manifest) " +
            "ON CONFLICT (id) DO UPDATE SET json = '', generation = excluded.generation, version = excluded.version, manifest = excluded.manifest;"))
        {
            swap.Parameters.AddWithValue("$generation", generation);
            swap.Parameters.AddWithValue("$next", next);
            swap.Parameters.AddWithValue("$manifest", manifest.Format());
            await swap.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var sweep = Command(connection, transaction, "DELETE FROM report_parts WHERE name NOT IN (SELECT value FROM json_each($names));"))
        {
            sweep.Parameters.AddWithValue("$names", StringListJson.Serialize([.. manifest.Names]));
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        partReader.Wrote(manifest, parts);
        cachedReport = new CachedReport(generation, report);
        return new ReportWrite(Written: true, next);
    }

    private static async Task<long> VersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT version FROM current_report WHERE id = 1;");
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    /// <summary>
    /// The stored report, read in one read transaction (a consistent snapshot: one manifest and its parts): unchanged
    /// since this store last wrote or read it, the same instance again, unparsed; else only the parts not held from the
    /// last read or write are fetched and parsed. A report stored before schema version 7 is one JSON document.
    /// </summary>
    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        string generation;
        string? manifestText;
        await using (var head = Command(connection, transaction, "SELECT generation, manifest FROM current_report WHERE id = 1;"))
        await using (var row = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (!await row.ReadAsync(cancellationToken))
            {
                return null;
            }
            generation = row.GetString(0);
            manifestText = row.IsDBNull(1) ? null : row.GetString(1);
        }

        // An empty generation is a report written before schema version 2: always parsed.
        if (cachedReport is { } known && generation.Length > 0 && generation == known.Generation)
        {
            return known.Report;
        }

        var report = manifestText is null
            ? await ReadSingleDocumentAsync(connection, transaction, cancellationToken)
            : await ReadPartsAsync(connection, transaction, ReportManifest.Parse(manifestText), cancellationToken);
        if (report is not null)
        {
            cachedReport = new CachedReport(generation, report);
        }

        return report;
    }

    private static async Task<ReportDocument?> ReadSingleDocumentAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT json FROM current_report WHERE id = 1;");
        return await command.ExecuteScalarAsync(cancellationToken) is string { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument)
            : null;
    }

    private async Task<ReportDocument> ReadPartsAsync(SqliteConnection connection, SqliteTransaction transaction, ReportManifest manifest, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var start = partReader.Start(manifest);
        var missing = start.Missing;
        if (missing.Count > 0)
        {
            await using var command = Command(connection, transaction, "SELECT name, body FROM report_parts WHERE name IN (SELECT value FROM json_each($names));");
            command.Parameters.AddWithValue("$names", StringListJson.Serialize(missing));
            await using var row = await command.ExecuteReaderAsync(cancellationToken);
            while (await row.ReadAsync(cancellationToken))
            {
                fetched[row.GetString(0)] = (byte[])row.GetValue(1);
            }
        }

        // Parts and manifest are swapped in one transaction, and this read is one snapshot: a part is never missing.
        return partReader.Assemble(manifest, start, fetched)
            ?? throw new InvalidDataException($"The stored report names parts the store does not hold ({string.Join(", ", missing.Where(n => !fetched.ContainsKey(n)).Take(3))}).");
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
