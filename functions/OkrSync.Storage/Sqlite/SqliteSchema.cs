using Microsoft.Data.Sqlite;

namespace OkrSync.Storage.Sqlite;

/// <summary>
/// The schema, versioned in <c>schema_version</c>. Each migration runs once, in order, inside one write transaction;
/// a file written by a newer OkrSync (a higher version than <see cref="Migrations"/> knows), or a SQLite database that
/// is not an OkrSync store, is refused, never altered.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE items (
            key TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            container TEXT NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            type TEXT NOT NULL,
            state TEXT NOT NULL,
            status TEXT NOT NULL,
            labels TEXT NOT NULL,
            parent_key TEXT,
            milestone TEXT,
            components TEXT NOT NULL,
            assignee TEXT,
            assignee_email TEXT,
            estimate REAL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            updated_utc_ticks INTEGER NOT NULL,
            closed TEXT,
            is_pull_request INTEGER NOT NULL,
            body TEXT,
            hash TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX items_by_container ON items (source, container);
        CREATE TABLE current_report (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
        CREATE TABLE weekly_snapshots (iso_week TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE cursors (source_id TEXT NOT NULL PRIMARY KEY, position TEXT NOT NULL, synced_at TEXT NOT NULL, etag TEXT);
        CREATE TABLE deliveries (source TEXT NOT NULL, delivery_id TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (source, delivery_id)) WITHOUT ROWID;
        CREATE TABLE report_sends (
            iso_week TEXT NOT NULL,
            recipient TEXT NOT NULL,
            state TEXT NOT NULL,
            claim_expires_utc_ticks INTEGER,
            sent_at TEXT,
            PRIMARY KEY (iso_week, recipient)
        ) WITHOUT ROWID;
        """,
        // 2: the current report's generation, so that a reader that already holds it skips the parse.
        """
        ALTER TABLE current_report ADD COLUMN generation TEXT NOT NULL DEFAULT '';
        """,
        // 3: items removed at the tracker, so that late, older events cannot bring them back.
        """
        CREATE TABLE removals (key TEXT NOT NULL PRIMARY KEY, removed_at TEXT NOT NULL) WITHOUT ROWID;
        """,
        // 4: metric check-ins, append-only; the key (id, instant, value) makes a repeated check-in a no-op.
        """
        CREATE TABLE check_ins (
            metric_id TEXT NOT NULL,
            at_utc_ticks INTEGER NOT NULL,
            value_text TEXT NOT NULL,
            value REAL NOT NULL,
            at TEXT NOT NULL,
            confidence TEXT,
            note TEXT,
            by TEXT,
            source TEXT,
            recorded_at TEXT NOT NULL,
            recorded_utc_ticks INTEGER NOT NULL,
            PRIMARY KEY (metric_id, at_utc_ticks, value_text)
        ) WITHOUT ROWID;
        """,
        // 5: the current report's version, moved up by one on every write, so that a writer that read an older one is
        // refused (optimistic concurrency between instances). A report stored before it counts as version 1.
        """
        ALTER TABLE current_report ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        """,
        // 6: the items' change sequence, so that a reader catches up on what changed since it last read instead of
        // reading every item: each write transaction takes the next number and stamps the rows it writes with it, and
        // a delete leaves the key with its number in item_deletions. Rows stored before it have number 0. The store's
        // id tells a mark of this file from one of another.
        """
        ALTER TABLE items ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX items_by_change ON items (change_seq);
        CREATE TABLE item_changes (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), store_id TEXT NOT NULL, sequence INTEGER NOT NULL);
        INSERT INTO item_changes (id, store_id, sequence) VALUES (1, lower(hex(randomblob(8))), 0);
        CREATE TABLE item_deletions (key TEXT NOT NULL PRIMARY KEY, change_seq INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX item_deletions_by_change ON item_deletions (change_seq);
        """,
        // 7: the current report in parts (a head, runs of findings, runs of work items), each named by its content and
        // written only when new, under a manifest that one conditional UPDATE swaps: an event writes what it changed,
        // not the whole report. A report stored before it (json, manifest NULL) is still read; the next write uses parts.
        """
        ALTER TABLE current_report ADD COLUMN manifest TEXT;
        CREATE TABLE report_parts (name TEXT NOT NULL PRIMARY KEY, body BLOB NOT NULL);
        """,
    ];

    public static int CurrentVersion => Migrations.Count;

    /// <summary>
    /// The schema version of the database behind <paramref name="connection"/>, read without writing: 0 for a
    /// database with no tables (a new store).
    /// </summary>
    /// <exception cref="StoreFileException">The database has tables but no <c>schema_version</c> (another program's
    /// database), or a version newer than <see cref="CurrentVersion"/>.</exception>
    public static async Task<int> ReadVersionAsync(SqliteConnection connection, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        if (tables.Count == 0)
        {
            return 0;
        }
        if (!tables.Contains("schema_version"))
        {
            var shown = string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? $" and {tables.Count - 5} more" : "");
            throw new StoreFileException(path, $"is a SQLite database but not an OkrSync store (it has no schema_version table; its tables: {shown})");
        }
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT MAX(version) FROM schema_version;";
        var version = await read.ExecuteScalarAsync(cancellationToken) is long v ? (int)v : 0;
        if (version > CurrentVersion)
        {
            throw new StoreFileException(path, $"has schema version {version}, newer than this OkrSync knows ({CurrentVersion}): upgrade OkrSync");
        }
        return version;
    }

    /// <summary>
    /// Brings the file to <see cref="CurrentVersion"/>; returns the version it had. The file is checked first
    /// (<see cref="ReadVersionAsync"/>), so another program's database is never altered.
    /// </summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var found = await ReadVersionAsync(connection, path, cancellationToken);
        if (found == CurrentVersion)
        {
            return found;
        }
        await Execute(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT MAX(version) FROM schema_version;";
        // Read again inside the transaction: another process may have migrated the file meanwhile.
        var stored = await read.ExecuteScalarAsync(cancellationToken) is long v ? (int)v : 0;
        if (stored > CurrentVersion)
        {
            throw new StoreFileException(path, $"has schema version {stored}, newer than this OkrSync knows ({CurrentVersion}): upgrade OkrSync");
        }

        for (var version = stored + 1; version <= CurrentVersion; version++)
        {
            await Execute(connection, transaction, Migrations[version - 1], cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version) VALUES ($version);";
            record.Parameters.AddWithValue("$version", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Creates the whole schema in an empty database (an in-memory stand-in for a store that does not exist yet).</summary>
    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await Execute(connection, null, string.Concat(Migrations), cancellationToken);
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
