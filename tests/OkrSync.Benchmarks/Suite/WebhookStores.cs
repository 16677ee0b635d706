using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Data.Sqlite;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Storage;
using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Suite;

/// <summary>The stores a webhook run can use: <c>tables</c> (Azurite) and <c>sqlite</c> (serve's embedded default).</summary>
internal static class WebhookStores
{
    public const string Tables = "tables", Sqlite = "sqlite";

    public static IReadOnlyList<string> Parse(string list)
    {
        var stores = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return stores.Count > 0 && stores.All(s => s is Tables or Sqlite)
            ? stores
            : throw new ArgumentException($"--webhook-stores takes '{Tables}', '{Sqlite}' or both, comma-separated; got '{list}'");
    }

    public static string Describe(string store) => store == Tables ? "Table Storage + Storage Queue (Azurite)" : "SQLite store + SQLite queue (embedded default)";
}

/// <summary>
/// A store for <c>okrsync serve</c> and its folder (strategy file, and with SQLite the store itself), seeded with N
/// synthetic items exactly as a sync stores them. <c>tables</c>: a private in-memory Azurite with a raised V8 heap,
/// serve given its connection string (so items, reports and the event queue live there). <c>sqlite</c>: serve given no
/// store settings at all, so it opens its default <c>./.okrsync/okrsync.db</c> and <c>okrsync-queue.db</c> in its folder.
/// </summary>
internal sealed class ServeBackend : IAsyncDisposable
{
    /// <summary>Items per seeding transaction on SQLite (one <c>UpsertFromTrackerAsync</c> call each).</summary>
    private const int SqliteChunk = 50_000;

    /// <summary>Items prepared at once for Azurite (then written 100 per transaction, 8 transactions at a time).</summary>
    private const int TablesChunk = 20_000;

    private const string Never = "0 0 0 1 1 *"; // timers stay out of the way: midnight on 1 January

    private ServeBackend(string store, string folder, AzuriteFixture? azurite)
    {
        Store = store;
        Folder = folder;
        Azurite = azurite;
    }

    public string Store { get; }

    /// <summary>Serve's working folder: <c>strategy.yaml</c>, and with SQLite <c>.okrsync/</c>.</summary>
    public string Folder { get; }

    public AzuriteFixture? Azurite { get; }

    /// <summary>The store's own process (Azurite's node) for CPU and memory; null on SQLite, which runs inside serve.</summary>
    public int? StoreProcessId => Azurite?.ProcessId;

    public string SqlitePath => Path.Combine(Folder, ".okrsync", "okrsync.db");

    /// <summary>The environment serve runs with: timers out of the way, and the store (none for SQLite: its default).</summary>
    public IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["OKRSYNC_SYNC_SCHEDULE"] = Never,
                ["OKRSYNC_RECONCILE_SCHEDULE"] = Never,
                ["OKRSYNC_REPORT_SCHEDULE"] = Never,
            };
            if (Azurite is { } azurite)
            {
                settings["OkrSync__Storage__ConnectionString"] = azurite.ConnectionString;
            }
            return settings;
        }
    }

    /// <summary>The <c>--store</c> spec that names this store for the CLI.</summary>
    public string StoreSpec => Azurite is { } azurite ? "tables:" + azurite.ConnectionString : "sqlite:" + SqlitePath;

    public static async Task<ServeBackend> StartAsync(string store, int azuriteHeapMb, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("okrsync-bench-serve-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml(), cancellationToken);
        if (store != WebhookStores.Tables)
        {
            return new ServeBackend(store, folder, null);
        }
        // The fixture starts node with this process's environment: the heap limit goes in through NODE_OPTIONS.
        var before = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", $"{before} --max-old-space-size={azuriteHeapMb}".Trim());
        var azurite = new AzuriteFixture();
        try
        {
            await azurite.InitializeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", before);
        }
        return new ServeBackend(store, folder, azurite);
    }

    /// <summary>Writes <paramref name="count"/> synthetic items as a sync stores them; returns the seconds it took.</summary>
    public async Task<double> SeedAsync(int count, CancellationToken cancellationToken = default)
    {
        var items = SyntheticWork.Items(count, TimeProvider.System.GetUtcNow());
        var clock = Stopwatch.StartNew();
        if (Azurite is { } azurite)
        {
            await SeedTablesAsync(azurite.ConnectionString, items, cancellationToken);
        }
        else
        {
            await SeedSqliteAsync(items, cancellationToken);
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The items as <c>TableWorkStore</c> writes them (prepared, hashed, <see cref="ItemEntities.ToEntity"/>), upserted
    /// raw into okrsync's default items table: 100 per transaction, one partition each, 8 transactions at a time.
    /// </summary>
    private static async Task SeedTablesAsync(string connectionString, IReadOnlyList<OkrSync.Core.Work.WorkItem> items, CancellationToken cancellationToken)
    {
        var client = new TableClient(connectionString, TableNames.For(TableStorageOptions.DefaultTablePrefix).Items);
        await client.CreateIfNotExistsAsync(cancellationToken);
        foreach (var chunk in items.Chunk(TablesChunk))
        {
            var batches = UpsertRules.Prepare(chunk).Kept.Select(ItemEntities.ToEntity)
                .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
                .SelectMany(p => p.Chunk(BatchCeiling.BatchSize))
                .Select(batch => batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList())
                .ToList();
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (batch, token) => await client.SubmitTransactionAsync(batch, token));
        }
    }

    /// <summary>Through the production <see cref="SqliteWorkStore"/> (hashes, versions, change sequence), <see cref="SqliteChunk"/> items per transaction.</summary>
    private async Task SeedSqliteAsync(IReadOnlyList<OkrSync.Core.Work.WorkItem> items, CancellationToken cancellationToken)
    {
        using (var store = new SqliteWorkStore(new SqliteStoreOptions { Path = SqlitePath }))
        {
            foreach (var chunk in items.Chunk(SqliteChunk))
            {
                await store.UpsertFromTrackerAsync(chunk, cancellationToken);
            }
        }
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is { } azurite)
        {
            await azurite.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
