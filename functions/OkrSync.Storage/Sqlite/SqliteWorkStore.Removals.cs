using Microsoft.Data.Sqlite;

namespace OkrSync.Storage.Sqlite;

/// <summary>Items removed at the tracker, remembered for a while so that late, older events cannot bring them back.</summary>
public sealed partial class SqliteWorkStore
{
    public async Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(path, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await using var command = Command(connection, transaction,
                "INSERT INTO removals (key, removed_at) VALUES ($key, $at) ON CONFLICT (key) DO UPDATE SET removed_at = excluded.removed_at;");
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$at", StoredTime.Format(removedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT removed_at FROM removals WHERE key = $key;");
        command.Parameters.AddWithValue("$key", key);
        return StoredTime.ParseOptional(await command.ExecuteScalarAsync(cancellationToken) as string);
    }

    /// <summary>SQLite's <c>julianday</c> reads the stored round-trip times with their offsets, so the comparison is by instant.</summary>
    public async Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM removals WHERE julianday(removed_at) < julianday($before);");
        command.Parameters.AddWithValue("$before", StoredTime.Format(removedBefore));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
