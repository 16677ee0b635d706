using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Sqlite;

public sealed partial class SqliteWorkStore
{
    public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, UpsertAuthority.NewerWins, cancellationToken);

    public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, UpsertAuthority.Tracker, cancellationToken);

    private async Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, UpsertAuthority authority, CancellationToken cancellationToken)
    {
        var (kept, result) = UpsertRules.Prepare(items);
        if (kept.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (BeforeItemWrites is { } hook)
        {
            await hook(cancellationToken);
        }

        using var turn = await SqliteWriteGate.EnterAsync(path, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changeSequence = await NextChangeAsync(connection, transaction, cancellationToken);
        await using var read = Command(connection, transaction, SqliteItems.ReadVersion);
        await using var write = Command(connection, transaction, authority == UpsertAuthority.Tracker ? SqliteItems.UpsertFromTracker : SqliteItems.Upsert);
        foreach (var prepared in kept)
        {
            read.Parameters.Clear();
            read.Parameters.AddWithValue("$key", prepared.Item.Key);
            StoredVersion? stored = null;
            await using (var row = await read.ExecuteReaderAsync(cancellationToken))
            {
                if (await row.ReadAsync(cancellationToken))
                {
                    stored = new StoredVersion(row.GetString(0), new DateTimeOffset(row.GetInt64(1), TimeSpan.Zero));
                }
            }

            var decision = UpsertRules.Decide(prepared, stored, authority);
            if (decision is UpsertDecision.Insert or UpsertDecision.Replace)
            {
                SqliteItems.Bind(write, prepared, changeSequence);
                var changed = await write.ExecuteNonQueryAsync(cancellationToken);
                result += changed == 1 ? new UpsertResult(1, 0, 0) : new UpsertResult(0, 0, 1);
            }
            else
            {
                result += UpsertRules.Count(decision);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(path, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changeSequence = await NextChangeAsync(connection, transaction, cancellationToken);
        await using var delete = Command(connection, transaction, "DELETE FROM items WHERE key = $key;");
        await using var remember = Command(connection, transaction,
            "INSERT INTO item_deletions (key, change_seq) VALUES ($key, $seq) ON CONFLICT (key) DO UPDATE SET change_seq = excluded.change_seq;");
        var existed = 0;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var stored = StoredItemLimits.Clean(key);
            delete.Parameters.Clear();
            delete.Parameters.AddWithValue("$key", stored);
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                existed++;
                remember.Parameters.Clear();
                remember.Parameters.AddWithValue("$key", stored);
                remember.Parameters.AddWithValue("$seq", changeSequence);
                await remember.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return existed;
    }

    public async Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await foreach (var item in QueryItemsAsync(SqliteItems.Select + " WHERE key = $key;", [("$key", StoredItemLimits.Clean(key))], cancellationToken))
        {
            return item;
        }

        return null;
    }

    public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) =>
        QueryItemsAsync(SqliteItems.Select + " WHERE source = $source AND container = $container ORDER BY key;", [("$source", source.Value), ("$container", container)], cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) =>
        QueryItemsAsync(SqliteItems.Select + " ORDER BY source, container, key;", [], cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default) =>
        QueryItemsAsync(SqliteItems.SelectButBody + " ORDER BY source, container, key;", [], cancellationToken);

    private async IAsyncEnumerable<WorkItem> QueryItemsAsync(string sql, (string Name, string Value)[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, null, sql);
        foreach (var (name, value) in parameters)
        {
            query.Parameters.AddWithValue(name, value);
        }

        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            yield return SqliteItems.Read(row);
        }
    }
}
