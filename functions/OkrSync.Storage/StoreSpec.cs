using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;

namespace OkrSync.Storage;

/// <summary>Which store to open, parsed from <c>OkrSync:Store</c> or the CLI's <c>--store</c>.</summary>
public abstract record StoreSpec
{
    public const string SqlitePrefix = "sqlite:";
    public const string TablesPrefix = "tables:";

    private protected StoreSpec()
    {
    }

    /// <summary>
    /// <c>sqlite:PATH</c>, <c>tables:CONNECTION-STRING</c>, or <c>tables</c> (use <paramref name="storage"/>).
    /// Empty: <c>tables</c> when <paramref name="storage"/> names an account or connection string, else
    /// <c>sqlite:./.okrsync/okrsync.db</c>.
    /// </summary>
    public static StoreSpec Parse(string? spec, TableStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var text = spec?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return storage.IsConfigured ? new TablesSpec(storage) : new SqliteSpec(new SqliteStoreOptions());
        }

        if (text.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = text[SqlitePrefix.Length..].Trim();
            return new SqliteSpec(new SqliteStoreOptions { Path = path.Length == 0 ? SqliteStoreOptions.DefaultPath : path });
        }

        if (text.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteSpec(new SqliteStoreOptions());
        }

        if (text.StartsWith(TablesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = text[TablesPrefix.Length..].Trim();
            if (connectionString.Length == 0)
            {
                throw new FormatException("Store 'tables:' needs a connection string after the colon (or use plain 'tables').");
            }

            return new TablesSpec(storage with { ConnectionString = connectionString, AccountName = null });
        }

        if (text.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            return storage.IsConfigured
                ? new TablesSpec(storage)
                : throw new FormatException("Store 'tables' needs OkrSync:Storage:ConnectionString or OkrSync:Storage:AccountName.");
        }

        throw new FormatException("The store must be 'sqlite:PATH', 'tables:CONNECTION-STRING' or 'tables'.");
    }
}

public sealed record SqliteSpec(SqliteStoreOptions Options) : StoreSpec
{
    public override string ToString() => "sqlite:" + Options.Path;
}

/// <summary>Table Storage; <see cref="ToString"/> never shows the connection string, which holds a key.</summary>
public sealed record TablesSpec(TableStorageOptions Options) : StoreSpec
{
    public override string ToString() => Options.AccountName is { } account ? $"tables (account {account})" : "tables (connection string)";
}
