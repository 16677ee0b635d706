using Microsoft.Data.Sqlite;

namespace OkrSync.Storage.Sqlite;

/// <summary>
/// Opening the file, once, before the first operation: its bytes are checked (<see cref="SqliteStoreFile"/>), then
/// its schema (<see cref="SqliteSchema"/>), before anything is written; then it is migrated, unless the store is
/// read-only. Whatever makes the file unusable is a <see cref="StoreFileException"/> naming it.
/// </summary>
public sealed partial class SqliteWorkStore
{
    /// <summary>
    /// Checks the file and, unless read-only, brings its schema up to date; the store's first operation does this
    /// anyway. Call it to report an unusable store before starting work.
    /// </summary>
    /// <exception cref="StoreFileException">The file is not a usable OkrSync store; the message names it and says why.</exception>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!migrated)
        {
            await MigrateOnceAsync(cancellationToken);
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await migrateLock.WaitAsync(cancellationToken);
        try
        {
            if (migrated)
            {
                return;
            }

            var file = SqliteStoreFile.Inspect(path);
            if (readOnly)
            {
                await OpenReadOnlyAsync(file, cancellationToken);
            }
            else
            {
                await MigrateAsync(cancellationToken);
            }

            migrated = true;
        }
        catch (SqliteException e)
        {
            throw new StoreFileException(path, $"cannot be used as an OkrSync store: {e.Message}", e);
        }
        finally
        {
            migrateLock.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var from = await SqliteSchema.MigrateAsync(connection, path, cancellationToken);
        if (from != SqliteSchema.CurrentVersion)
        {
            StorageLog.SchemaMigrated(logger, path, from, SqliteSchema.CurrentVersion);
        }
    }

    // Read-only: nothing is created or migrated. A store not created yet reads as empty (an in-memory schema, with
    // writes refused). A write-ahead-log file needs its shared-memory file, which SQLite cannot create in a read-only
    // folder; then the file is opened as immutable, as nothing can write it there either.
    private async Task OpenReadOnlyAsync(SqliteFileState file, CancellationToken cancellationToken)
    {
        if (file != SqliteFileState.Database)
        {
            ReadAsEmpty();
            return;
        }

        int version;
        try
        {
            version = await ReadVersionAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY)
        {
            connectionString = ConnectionString(new Uri(path).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly);
            version = await ReadVersionAsync(cancellationToken);
        }

        if (version == 0)
        {
            ReadAsEmpty(); // a SQLite file with no tables yet
        }
        else if (version < SqliteSchema.CurrentVersion)
        {
            throw new StoreFileException(path, $"has schema version {version} and this OkrSync reads version {SqliteSchema.CurrentVersion}; it was opened read-only, so it was not migrated: run 'okrsync sync' once to migrate it");
        }
    }

    private void ReadAsEmpty()
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false }.ToString();
        inMemory = true;
    }

    private async Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await SqliteSchema.ReadVersionAsync(connection, path, cancellationToken);
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();
}
