using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.Stores;

namespace OkrSync.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- store-throughput [items] [page]</c>: syncs generated
/// items (20 containers) into a private Azurite and into a SQLite file in pages, then repeats the same sync unchanged,
/// printing entities written, requests and wall time. A measurement, not a test: nothing is asserted.
/// </summary>
internal static class StoreThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var pageSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        var items = SampleWorkItems.Generate(count, containers: 20);
        Console.WriteLine($"{count:N0} items in 20 containers, pages of {pageSize:N0}, {Environment.ProcessorCount} cores");

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var requests = new StorageRequestCounter();
            var clientOptions = new TableClientOptions();
            clientOptions.AddPolicy(requests, HttpPipelinePosition.PerRetry);
            var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "bench" };
            using var tables = new TableWorkStore(options, clientOptions: clientOptions);
            await tables.EnsureCreatedAsync();
            await MeasureAsync("tables, first sync", tables, items, pageSize, requests);
            await MeasureAsync("tables, same sync again", tables, items, pageSize, requests);
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        var folder = Directory.CreateTempSubdirectory("okrsync-bench-").FullName;
        using (var sqlite = new SqliteWorkStore(new SqliteStoreOptions { Path = Path.Combine(folder, "bench.db") }))
        {
            await MeasureAsync("sqlite, first sync", sqlite, items, pageSize, requests: null);
            await MeasureAsync("sqlite, same sync again", sqlite, items, pageSize, requests: null);
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task MeasureAsync(string name, IWorkStore store, IReadOnlyList<WorkItem> items, int pageSize, StorageRequestCounter? requests)
    {
        var before = requests?.Snapshot();
        var clock = Stopwatch.StartNew();
        var total = default(UpsertResult);
        foreach (var page in items.Chunk(pageSize))
        {
            total += await store.UpsertAsync(page);
        }

        clock.Stop();
        var line = $"{name,-26} written {total.Written,7:N0}  unchanged {total.Unchanged,7:N0}  stale {total.Stale,3:N0}  wall {clock.Elapsed.TotalSeconds,7:F1} s";
        if (requests is not null && before is not null)
        {
            var used = requests.Snapshot() - before;
            line += $"  batch transactions {used.Batches,6:N0}  queries/reads {used.Reads,6:N0}  other writes {used.OtherWrites,4:N0}";
        }

        Console.WriteLine(line);
    }
}
