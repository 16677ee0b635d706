using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;

namespace OkrSync.Storage.Sqlite;

public sealed partial class SqliteWorkStore
{
    public async Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT source_id, position, synced_at, etag FROM cursors WHERE source_id = $id;");
        command.Parameters.AddWithValue("$id", sourceId);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SyncCursor(row.GetString(0), row.GetString(1), StoredTime.Parse(row.GetString(2)))
        {
            ETag = row.IsDBNull(3) ? null : row.GetString(3),
        };
    }

    public async Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO cursors (source_id, position, synced_at, etag) VALUES ($id, $position, $synced, $etag) " +
            "ON CONFLICT (source_id) DO UPDATE SET position = excluded.position, synced_at = excluded.synced_at, etag = excluded.etag;");
        command.Parameters.AddWithValue("$id", cursor.SourceId);
        command.Parameters.AddWithValue("$position", cursor.Position);
        command.Parameters.AddWithValue("$synced", StoredTime.Format(cursor.SyncedAt));
        command.Parameters.AddWithValue("$etag", (object?)cursor.ETag ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(deliveryId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT 1 FROM deliveries WHERE source = $source AND delivery_id = $id;");
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$id", deliveryId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The ids whose first characters are the prefix, compared and sorted by SQLite's BINARY collation (ordinal).</summary>
    public async IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIdPrefix);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT source_id, position, synced_at, etag FROM cursors WHERE substr(source_id, 1, $length) = $prefix ORDER BY source_id;");
        command.Parameters.AddWithValue("$length", sourceIdPrefix.Length);
        command.Parameters.AddWithValue("$prefix", sourceIdPrefix);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            yield return new SyncCursor(row.GetString(0), row.GetString(1), StoredTime.Parse(row.GetString(2)))
            {
                ETag = row.IsDBNull(3) ? null : row.GetString(3),
            };
        }
    }

    public async Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(deliveryId);
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(path, cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO deliveries (source, delivery_id, received_at) VALUES ($source, $id, $at) ON CONFLICT DO NOTHING;");
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$id", deliveryId);
        command.Parameters.AddWithValue("$at", StoredTime.Format(receivedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>SQLite's <c>julianday</c> reads the stored round-trip times with their offsets, so the comparison is by instant.</summary>
    public async Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM deliveries WHERE julianday(received_at) < julianday($before);");
        command.Parameters.AddWithValue("$before", StoredTime.Format(receivedBefore));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One write transaction: insert a claim, or take over an expired one; a sent row is never claimed.</summary>
    public async Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var claim = SendCommand(connection, transaction,
            "INSERT INTO report_sends (iso_week, recipient, state, claim_expires_utc_ticks) VALUES ($week, $recipient, 'claimed', $expires) " +
            "ON CONFLICT (iso_week, recipient) DO UPDATE SET state = 'claimed', claim_expires_utc_ticks = excluded.claim_expires_utc_ticks " +
            "WHERE report_sends.state = 'claimed' AND report_sends.claim_expires_utc_ticks <= $now;",
            isoWeek, recipient);
        claim.Parameters.AddWithValue("$expires", (now + lease).UtcTicks);
        claim.Parameters.AddWithValue("$now", now.UtcTicks);
        var claimed = await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SendCommand(connection, null,
            "INSERT INTO report_sends (iso_week, recipient, state, sent_at) VALUES ($week, $recipient, 'sent', $sent) " +
            "ON CONFLICT (iso_week, recipient) DO UPDATE SET state = 'sent', sent_at = excluded.sent_at, claim_expires_utc_ticks = NULL;",
            isoWeek, recipient);
        command.Parameters.AddWithValue("$sent", StoredTime.Format(sentAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SendCommand(connection, null,
            "DELETE FROM report_sends WHERE iso_week = $week AND recipient = $recipient AND state = 'claimed';", isoWeek, recipient);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand SendCommand(SqliteConnection connection, SqliteTransaction? transaction, string sql, string isoWeek, string recipient)
    {
        ArgumentNullException.ThrowIfNull(isoWeek);
        ArgumentNullException.ThrowIfNull(recipient);
        var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$week", isoWeek);
        command.Parameters.AddWithValue("$recipient", recipient);
        return command;
    }
}
