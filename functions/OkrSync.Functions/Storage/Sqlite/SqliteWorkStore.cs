using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Ports;

namespace OkrSync.Functions.Storage.Sqlite;

/// <summary>
/// <see cref="IWorkStore"/> in one SQLite file, the default when no Table Storage is configured. Same semantics as
/// the Table Storage adapter; every write is one transaction (<c>BEGIN IMMEDIATE</c>, so concurrent writers, even in
/// other processes, queue instead of interleaving), and item writes carry a <c>WHERE updated &lt;= new updated</c> guard.
/// </summary>
public sealed partial class SqliteWorkStore : IWorkStore, IDisposable
{
    private readonly string connectionString;
    private readonly string path;
    private readonly ILogger logger;
    private readonly SemaphoreSlim migrateLock = new(1, 1);
    private volatile bool migrated;

    public SqliteWorkStore(SqliteStoreOptions options, ILogger<SqliteWorkStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        path = options.FullPath;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path => path;

    /// <summary>Test seam: runs before an upsert opens its write transaction.</summary>
    internal Func<CancellationToken, Task>? BeforeItemWrites { get; set; }

    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        migrateLock.Dispose();
    }

    /// <summary>Opens a connection to a migrated database.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await MigrateOnceAsync(cancellationToken);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
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

            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var from = await SqliteSchema.MigrateAsync(connection, cancellationToken);
            if (from != SqliteSchema.CurrentVersion)
            {
                StorageLog.SchemaMigrated(logger, path, from, SqliteSchema.CurrentVersion);
            }

            migrated = true;
        }
        finally
        {
            migrateLock.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
