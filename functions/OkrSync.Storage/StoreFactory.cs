using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Ports;
using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;

namespace OkrSync.Storage;

/// <summary>
/// Opens the configured <see cref="IWorkStore"/>. The stores own pooled resources: dispose them (both are
/// <see cref="IDisposable"/>) when done.
/// </summary>
public static class StoreFactory
{
    public const string StoreKey = "OkrSync:Store";

    /// <summary>From configuration: <c>OkrSync:Store</c>, else the default that <c>OkrSync:Storage:*</c> implies.</summary>
    public static IWorkStore Create(IConfiguration configuration, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Create(configuration[StoreKey], configuration, loggerFactory);
    }

    /// <summary>From an explicit spec (the CLI's <c>--store</c>), falling back to configuration when it is null or empty.</summary>
    public static IWorkStore Create(string? spec, IConfiguration configuration, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var resolved = string.IsNullOrWhiteSpace(spec) ? configuration[StoreKey] : spec;
        return Create(StoreSpec.Parse(resolved, TableStorageOptions.FromConfiguration(configuration)), loggerFactory);
    }

    public static IWorkStore Create(StoreSpec spec, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        IWorkStore store = spec switch
        {
            SqliteSpec sqlite => new SqliteWorkStore(sqlite.Options, factory.CreateLogger<SqliteWorkStore>()),
            TablesSpec tables => new TableWorkStore(tables.Options, factory.CreateLogger<TableWorkStore>()),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown store kind."),
        };
        StorageLog.StoreOpened(factory.CreateLogger(typeof(StoreFactory).FullName!), spec is SqliteSpec ? "sqlite" : "tables", spec.ToString());
        return store;
    }
}
