using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Ports;

namespace OkrSync.Storage.Sqlite;

/// <summary>
/// <see cref="IWorkStore"/> in one SQLite file, the default when no Table Storage is configured. Same semantics as
/// the Table Storage adapter; every write is one transaction (<c>BEGIN IMMEDIATE</c>, so concurrent writers, even in
/// other processes, queue instead of interleaving), and item writes carry a <c>WHERE updated &lt;= new updated</c> guard.
/// </summary>
public sealed partial class SqliteWorkStore : IWorkStore, IDisposable
{
    private readonly string path;
    private readonly bool readOnly;
    private readonly ILogger logger;
    private readonly SemaphoreSlim migrateLock = new(1, 1);
    private string connectionString;
    private volatile bool migrated;
    private bool inMemory;

    public SqliteWorkStore(SqliteStoreOptions options, ILogger<SqliteWorkStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        path = options.FullPath;
        readOnly = options.ReadOnly;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        connectionString = ConnectionString(path, readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate);
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
            if (inMemory)
            {
                await SqliteSchema.CreateAsync(connection, cancellationToken);
            }
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = inMemory ? "PRAGMA query_only = ON;" : "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
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
