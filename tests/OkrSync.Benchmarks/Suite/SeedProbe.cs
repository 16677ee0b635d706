using System.Diagnostics;
using System.Globalization;
using OkrSync.Core.Ports;
using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// <c>seed-probe [--stores tables,sqlite] [--sizes 20000,60000] [--azurite-heap-mb 12288]</c>: for each store and size,
/// seeds the items as the webhook parts do (<see cref="ServeBackend"/>), then reads every item back through the
/// production store (<c>ReadAllItemsWithoutBodiesAsync</c>, what serve's first load does), and prints the seconds of
/// each and Azurite's working set. Cheap at small sizes; its growth from one size to the next says how long the
/// webhook parts' seeding and serve's first load will take at 1M before starting an hour-long run.
/// </summary>
internal static class SeedProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var stores = WebhookStores.Parse(Value(args, "--stores") ?? "tables,sqlite");
        var sizes = (Value(args, "--sizes") ?? "20000,60000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var heap = int.Parse(Value(args, "--azurite-heap-mb") ?? "12288", CultureInfo.InvariantCulture);
        Console.WriteLine("| store | items | seeding | items/s | full read | items/s | Azurite working set | per item |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var store in stores)
        {
            foreach (var size in sizes)
            {
                await using var backend = await ServeBackend.StartAsync(store, heap);
                var empty = backend.StoreProcessId is { } before ? ProcessMemory.CurrentOf(before) : null;
                var seed = await backend.SeedAsync(size);
                IWorkStore reader = backend.Azurite is { } azurite
                    ? new TableWorkStore(new TableStorageOptions { ConnectionString = azurite.ConnectionString })
                    : new SqliteWorkStore(new SqliteStoreOptions { Path = backend.SqlitePath, ReadOnly = true });
                var clock = Stopwatch.StartNew();
                var read = 0;
                try
                {
                    await foreach (var _ in reader.ReadAllItemsWithoutBodiesAsync())
                    {
                        read++;
                    }
                }
                finally
                {
                    (reader as IDisposable)?.Dispose();
                }
                var readSeconds = clock.Elapsed.TotalSeconds;
                var node = backend.StoreProcessId is { } id ? ProcessMemory.CurrentOf(id) : null;
                Console.WriteLine($"| {store} | {Fmt.N(read)} | {Fmt.S(seed)} | {Fmt.N(size / seed)} | {Fmt.S(readSeconds)} | {Fmt.N(read / readSeconds)} | {Fmt.Mb(node)} | " +
                    (node is { } n && empty is { } e ? Fmt.N((n - e) / (double)size) + " B" : "-") + " |");
            }
        }
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
