using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrSync.Pipeline;
using OkrSync.Pipeline.History;
using OkrSync.Storage.Sqlite;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// What one webhook event costs the live report, in process and without the HTTP and queue around it: N synthetic
/// items in a SQLite store, one load, then E events one after the other, each a stored label change on one item
/// followed by the live report's apply and a stored report (no write interval). Prints each phase's wall time, CPU,
/// bytes allocated and collections per event: the figure to drive down while developing (the webhook runs of
/// <c>report</c> are the figures of record).
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- live-event 100000 200</c>.
/// </summary>
internal static class LiveEventCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        var events = int.Parse(args.ElementAtOrDefault(2) ?? "200", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("okrsync-live-event-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml());
            var now = DateTimeOffset.UtcNow;
            var items = SyntheticWork.Items(count, now);
            using var store = new SqliteWorkStore(new SqliteStoreOptions { Path = Path.Combine(folder, "okrsync.db") });
            foreach (var batch in items.Chunk(5000))
            {
                await store.UpsertAsync(batch);
            }
            var strategy = new StrategyProvider(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder));
            var history = args.Contains("--no-backfill") ? new HistorySettings(0) : null;
            var live = new LiveReport(store, store, store, store, strategy, TimeProvider.System, NullLogger<LiveReport>.Instance, history: history) { MinWriteInterval = TimeSpan.Zero };
            Measure("load + first report", 1, () => live.ReloadAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after the load: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB after a full collection; working set {Environment.WorkingSet / 1e6:F0} MB; GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6:F0} MB, fragmented {GC.GetGCMemoryInfo().FragmentedBytes / 1e6:F0} MB"));
            var random = new Random(7);
            var labels = new[] { "label-1-2-0", "frontend", "bug", "forbidden-3", "label-4-4-2", "label-0-0-1" };
            for (var round = 0; round < 3; round++)
            {
                Measure($"events, round {round}", events, async () =>
                {
                    for (var e = 0; e < events; e++)
                    {
                        var at = random.Next(items.Length);
                        var item = items[at] = items[at] with { Labels = [labels[random.Next(labels.Length)]], Updated = items[at].Updated.AddSeconds(e + 1 + (round * events)) };
                        await store.UpsertAsync([item]);
                        await live.RefreshAsync(await live.ApplyAsync([item], []));
                    }
                });
            }
            if (args.Contains("--pause"))
            {
                // Time to take a heap dump: dotnet-gcdump collect -p PID.
                Console.WriteLine($"process {Environment.ProcessId}: paused for 60 s");
                await Task.Delay(TimeSpan.FromSeconds(60));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set {Environment.WorkingSet / 1e6:F0} MB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB after a full collection"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string what, int per, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        work().GetAwaiter().GetResult();
        wall.Stop();
        process.Refresh();
        var cpuUsed = process.TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: per event wall {wall.Elapsed.TotalMilliseconds / per:F2} ms, cpu {cpuUsed.TotalMilliseconds / per:F2} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e3 / per:F0} KB; collections gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}; working set {Environment.WorkingSet / 1e6:F0} MB"));
    }
}
