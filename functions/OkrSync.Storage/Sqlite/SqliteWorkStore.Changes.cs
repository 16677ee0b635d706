using System.Globalization;
using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Sqlite;

/// <summary>
/// What changed since a mark, from the change sequence (schema version 6): every write transaction on the items takes
/// the next number from <c>item_changes</c> and stamps the rows it writes; a delete records the key with its number in
/// <c>item_deletions</c>. SQLite has one writer at a time, so numbers are committed in order: a reader that saw number N
/// has seen every row stamped N or lower, and a mark is simply the number last seen, with the store's id
/// (<c>sqlite:{id}:{number}</c>) so that a mark of another file is never taken for one of this.
/// </summary>
public sealed partial class SqliteWorkStore
{
    private const string MarkPrefix = "sqlite:";

    public async Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (storeId, sequence) = await ReadSequenceAsync(connection, null, cancellationToken);
        return Mark(storeId, sequence);
    }

    /// <summary>One read transaction, so the new mark, the rows and the deletions are one consistent state.</summary>
    public async Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var (storeId, sequence) = await ReadSequenceAsync(connection, transaction, cancellationToken);
        var next = Mark(storeId, sequence);
        if (!TryParse(since, storeId, out var from) || from > sequence)
        {
            return ItemChanges.Unknown(next);
        }

        var upserts = new List<WorkItem>();
        await using (var changed = Command(connection, transaction, SqliteItems.SelectButBody + " WHERE change_seq > $since ORDER BY change_seq, key;"))
        {
            changed.Parameters.AddWithValue("$since", from);
            await using var row = await changed.ExecuteReaderAsync(cancellationToken);
            while (await row.ReadAsync(cancellationToken))
            {
                upserts.Add(SqliteItems.Read(row));
            }
        }

        var deletes = new List<string>();
        await using (var deleted = Command(connection, transaction,
            "SELECT key FROM item_deletions WHERE change_seq > $since AND key NOT IN (SELECT key FROM items) ORDER BY key;"))
        {
            deleted.Parameters.AddWithValue("$since", from);
            await using var row = await deleted.ExecuteReaderAsync(cancellationToken);
            while (await row.ReadAsync(cancellationToken))
            {
                deletes.Add(row.GetString(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ItemChanges(upserts, deletes, next);
    }

    private static async Task<long> NextChangeAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var next = Command(connection, transaction, SqliteItems.NextChange);
        return await next.ExecuteScalarAsync(cancellationToken) is long sequence
            ? sequence
            : throw new InvalidOperationException("The store has no item_changes row (schema version 6).");
    }

    private static async Task<(string StoreId, long Sequence)> ReadSequenceAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, transaction, "SELECT store_id, sequence FROM item_changes WHERE id = 1;");
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? (row.GetString(0), row.GetInt64(1))
            : throw new InvalidOperationException("The store has no item_changes row (schema version 6).");
    }

    private static ChangeMark Mark(string storeId, long sequence) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{MarkPrefix}{storeId}:{sequence}"));

    private static bool TryParse(ChangeMark mark, string storeId, out long sequence)
    {
        sequence = 0;
        var text = mark.Position ?? "";
        var prefix = MarkPrefix + storeId + ":";
        return text.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
