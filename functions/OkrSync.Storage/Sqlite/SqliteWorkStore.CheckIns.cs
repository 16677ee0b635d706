using System.Runtime.CompilerServices;
using OkrSync.Core.Metrics;
using OkrSync.Storage.CheckIns;

namespace OkrSync.Storage.Sqlite;

/// <summary>Check-ins: table <c>check_ins</c>, keyed by (metric id, instant in UTC ticks, value as round-trip text).</summary>
public sealed partial class SqliteWorkStore
{
    public async Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO check_ins (metric_id, at_utc_ticks, value_text, value, at, confidence, note, by, source, recorded_at, recorded_utc_ticks) " +
            "VALUES ($id, $ticks, $text, $value, $at, $confidence, $note, $by, $source, $recorded, $recordedTicks) ON CONFLICT DO NOTHING;");
        command.Parameters.AddWithValue("$id", checkIn.MetricId);
        command.Parameters.AddWithValue("$ticks", checkIn.At.UtcTicks);
        command.Parameters.AddWithValue("$text", CheckInText.Value(checkIn.Value));
        command.Parameters.AddWithValue("$value", checkIn.Value);
        command.Parameters.AddWithValue("$at", StoredTime.Format(checkIn.At));
        command.Parameters.AddWithValue("$confidence", (object?)CheckInText.Confidence(checkIn.Confidence) ?? DBNull.Value);
        command.Parameters.AddWithValue("$note", (object?)checkIn.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", (object?)checkIn.By ?? DBNull.Value);
        command.Parameters.AddWithValue("$source", (object?)checkIn.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("$recorded", StoredTime.Format(checkIn.RecordedAt));
        command.Parameters.AddWithValue("$recordedTicks", checkIn.RecordedAt.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metricId);
        return ReadCheckInsAsync("WHERE metric_id = $id", metricId, cancellationToken);
    }

    public IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default) =>
        ReadCheckInsAsync("", null, cancellationToken);

    private async IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string where, string? metricId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT metric_id, value, at, confidence, note, by, source, recorded_at FROM check_ins {where} ORDER BY metric_id, at_utc_ticks, recorded_utc_ticks, value;");
        if (metricId is not null)
        {
            command.Parameters.AddWithValue("$id", metricId);
        }
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            yield return new CheckIn(row.GetString(0), row.GetDouble(1), StoredTime.Parse(row.GetString(2)))
            {
                Confidence = CheckInText.Confidence(row.IsDBNull(3) ? null : row.GetString(3)),
                Note = row.IsDBNull(4) ? null : row.GetString(4),
                By = row.IsDBNull(5) ? null : row.GetString(5),
                Source = row.IsDBNull(6) ? null : row.GetString(6),
                RecordedAt = StoredTime.Parse(row.GetString(7)),
            };
        }
    }
}
