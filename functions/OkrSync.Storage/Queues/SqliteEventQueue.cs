using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Storage.Sqlite;

namespace OkrSync.Storage.Queues;

/// <summary>
/// <see cref="IEventQueue"/> for local mode without storage: a table in a SQLite file next to the store's database.
/// Same semantics as Azure Storage Queues: visibility timeout, dequeue count, and a poison queue that keeps messages.
/// Receives are one UPDATE ... RETURNING, so two pumps never get the same visible message.
/// </summary>
public sealed class SqliteEventQueue : IEventQueue
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS queue_messages (
            id TEXT PRIMARY KEY,
            queue TEXT NOT NULL,
            body TEXT NOT NULL,
            inserted_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            receipt TEXT);
        CREATE INDEX IF NOT EXISTS ix_queue_messages_visible ON queue_messages (queue, visible_at, inserted_at);
        """;

    private readonly string connectionString;
    private readonly TimeProvider clock;
    private readonly Lazy<Task> schema;

    public SqliteEventQueue(string path, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        this.clock = clock;
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        schema = new Lazy<Task>(CreateSchemaAsync);
    }

    public string Path { get; }

    public async Task<EnqueuedEvent> EnqueueAsync(string message, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var id = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            "INSERT INTO queue_messages (id, queue, body, inserted_at, visible_at) VALUES ($id, $queue, $body, $now, $now)",
            c => c.With("$id", id).With("$queue", EventQueueNames.TrackerEvents).With("$body", message).With("$now", now),
            cancellationToken);
        return new EnqueuedEvent(id, "");
    }

    /// <summary>Deletes the message if it was never received (its dequeue count is still 0).</summary>
    public async Task<bool> WithdrawAsync(EnqueuedEvent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await ExecuteAsync(
            "DELETE FROM queue_messages WHERE id = $id AND queue = $queue AND dequeue_count = 0",
            c => c.With("$id", message.Id).With("$queue", EventQueueNames.TrackerEvents),
            cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<QueuedEvent>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await schema.Value;
        var now = Now();
        var receipt = Guid.NewGuid().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(Path, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE queue_messages SET visible_at = $until, dequeue_count = dequeue_count + 1, receipt = $receipt
            WHERE id IN (SELECT id FROM queue_messages WHERE queue = $queue AND visible_at <= $now ORDER BY inserted_at, id LIMIT $max)
            RETURNING id, body, dequeue_count, inserted_at
            """;
        command.Parameters.With("$until", now + (long)visibilityTimeout.TotalMilliseconds).With("$receipt", receipt)
            .With("$queue", EventQueueNames.TrackerEvents).With("$now", now).With("$max", Math.Max(1, maxMessages));
        var messages = new List<QueuedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new QueuedEvent(reader.GetString(0), receipt, reader.GetString(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }
        return [.. messages.OrderBy(m => m.InsertedAt)];
    }

    public Task DeleteAsync(QueuedEvent message, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM queue_messages WHERE id = $id AND receipt = $receipt", c => Receipt(c, message), cancellationToken);

    public Task ReleaseAsync(QueuedEvent message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE queue_messages SET visible_at = $at, receipt = NULL WHERE id = $id AND receipt = $receipt",
            c => Receipt(c, message).With("$at", Now() + (long)delay.TotalMilliseconds),
            cancellationToken);

    public Task MoveToPoisonAsync(QueuedEvent message, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE queue_messages SET queue = $poison, visible_at = $now, receipt = NULL WHERE id = $id AND receipt = $receipt",
            c => Receipt(c, message).With("$poison", EventQueueNames.TrackerEventsPoison).With("$now", Now()),
            cancellationToken);

    public async Task<IReadOnlyList<QueuedEvent>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        await schema.Value;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, body, dequeue_count, inserted_at FROM queue_messages WHERE queue = $poison ORDER BY inserted_at, id LIMIT $max";
        command.Parameters.With("$poison", EventQueueNames.TrackerEventsPoison).With("$max", Math.Max(1, maxMessages));
        var messages = new List<QueuedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new QueuedEvent(reader.GetString(0), "", reader.GetString(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }
        return messages;
    }

    private static SqliteParameterCollection Receipt(SqliteParameterCollection parameters, QueuedEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return parameters.With("$id", message.Id).With("$receipt", message.Receipt);
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await schema.Value;
        await using var connection = await OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(Path, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreateSchemaAsync()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // SQLite's own busy handler (fine-grained waits) for another process on the file, not Microsoft.Data.Sqlite's
            // 150 ms sleeps; commits without an fsync each (WAL stays consistent; the store does the same).
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

internal static class SqliteParameterChaining
{
    public static SqliteParameterCollection With(this SqliteParameterCollection parameters, string name, object value)
    {
        parameters.AddWithValue(name, value);
        return parameters;
    }
}
