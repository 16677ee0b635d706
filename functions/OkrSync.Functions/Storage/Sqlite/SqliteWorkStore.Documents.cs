using System.Runtime.CompilerServices;
using System.Text.Json;
using OkrSync.Core.Reports;

namespace OkrSync.Functions.Storage.Sqlite;

public sealed partial class SqliteWorkStore
{
    public async Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "INSERT INTO current_report (id, json) VALUES (1, $json) ON CONFLICT (id) DO UPDATE SET json = excluded.json;");
        command.Parameters.AddWithValue("$json", json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT json FROM current_report WHERE id = 1;");
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument)
            : null;
    }

    public async Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = JsonSerializer.Serialize(snapshot, ReportJsonContext.Default.WeeklySnapshot);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "INSERT INTO weekly_snapshots (iso_week, json) VALUES ($week, $json) ON CONFLICT (iso_week) DO NOTHING;");
        command.Parameters.AddWithValue("$week", snapshot.IsoWeek);
        command.Parameters.AddWithValue("$json", json);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

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
}
