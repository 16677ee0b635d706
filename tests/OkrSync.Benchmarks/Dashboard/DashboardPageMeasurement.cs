using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Storage.Queues;
using OkrSync.Storage.Sqlite;
using OkrSync.Web.Hosting;
using OkrSync.Web.Pages;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's pages at scale, through their real handlers (gate, stored report, live report, view, HTML), as
/// <c>okrsync serve</c> runs them: N stored items (default 100,000) of the synthetic organisation in a SQLite store, a
/// live report over it, and one <see cref="DashboardServices"/> for the process. Every page is requested once to warm
/// up (JIT), then, for each page (after each new report the garbage of computing it is collected first, see <see cref="Settle"/>):
/// <list type="bullet">
/// <item><b>first, own report</b>: the first request after this process stored a new report (an event applied, as a
/// webhook does);</item>
/// <item><b>first, other writer's report</b>: the first request after another writer stored one (a second live report
/// over the same file, as another function instance or <c>okrsync sync</c> does): the page's process has not seen it;</item>
/// <item>then 30 more requests of the same report (median, p95, max) and the page's size.</item>
/// </list>
/// Budget (issue 16): the strategy page under 300 ms and 250 KB at 100,000 items; the orphan and finding lists 100 a page.
/// <c>dotnet tests/OkrSync.Benchmarks/bin/Release/net10.0/OkrSync.Benchmarks.dll dashboard 100000</c> after
/// <c>dotnet build -c Release tests/OkrSync.Benchmarks</c>.
/// </summary>
internal static class DashboardPageMeasurement
{
    private const int SteadyRequests = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("okrsync-dashboard-bench-").FullName;
        try
        {
            var now = DateTimeOffset.UtcNow;
            await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml());
            var database = Path.Combine(folder, "okrsync.db");
            var seeding = Stopwatch.StartNew();
            using (var seed = new SqliteWorkStore(new SqliteStoreOptions { Path = database }))
            {
                foreach (var batch in SyntheticWork.Items(count, now).Chunk(2000))
                {
                    await seed.UpsertAsync(batch);
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} items stored in SQLite in {seeding.ElapsedMilliseconds:N0} ms; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (okrsync serve runs with server GC: DOTNET_gcServer=1)"));

            // This process (serve) and another writer (another instance, or `okrsync sync`), each with its own store object.
            using var store = new SqliteWorkStore(new SqliteStoreOptions { Path = database });
            using var otherStore = new SqliteWorkStore(new SqliteStoreOptions { Path = database });
            var strategy = Strategy(folder);
            var live = Live(store, strategy);
            var other = Live(otherStore, Strategy(folder));
            var reload = Stopwatch.StartNew();
            await live.ReloadAsync();
            await other.ReloadAsync(); // the other writer has its items in memory too (it stores nothing new yet)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report computed and stored in {reload.ElapsedMilliseconds:N0} ms (the sync's cost, not the page's)"));
            var queue = new SqliteEventQueue(Path.Combine(folder, "queue.db"), TimeProvider.System);
            var services = new DashboardServices(store, live, strategy, queue, new ReportDashboardInputs(store));
            var site = new DashboardSite(DashboardPaths.Serve, new ServePageGate(new ServeAccess(null, null)));
            var requestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
            var pages = Pages(site);
            foreach (var (_, handler, target) in pages)
            {
                await RequestAsync(handler, target, services, requestServices);
            }

            var changes = 0;
            async Task OwnReportAsync()
            {
                var item = NewOrphan(++changes, now);
                await store.UpsertAsync([item]);
                await live.RefreshAsync(await live.ApplyAsync([item], []));
                Settle();
            }
            async Task OtherWritersReportAsync()
            {
                var item = NewOrphan(++changes, now);
                await otherStore.UpsertAsync([item]);
                await other.RefreshAsync(await other.ApplyAsync([item], []));
                Settle();
            }

            Console.WriteLine();
            Console.WriteLine("| page | first, own report: ms (CPU ms) | first, other writer's report: ms (CPU ms) | median ms (CPU ms) | p95 (ms) | max (ms) | bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, handler, target) in pages)
            {
                await OwnReportAsync();
                var own = await RequestAsync(handler, target, services, requestServices);
                await OtherWritersReportAsync();
                var foreign = await RequestAsync(handler, target, services, requestServices);
                var times = new List<double>();
                var cpu = new List<double>();
                long bytes = 0;
                for (var run = 0; run < SteadyRequests; run++)
                {
                    var steady = await RequestAsync(handler, target, services, requestServices);
                    times.Add(steady.Milliseconds);
                    cpu.Add(steady.CpuMilliseconds);
                    bytes = steady.Bytes;
                }
                times.Sort();
                cpu.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {own.Milliseconds:F1} ({own.CpuMilliseconds:F0}) | {foreign.Milliseconds:F1} ({foreign.CpuMilliseconds:F0}) | {times[times.Count / 2]:F1} ({cpu[cpu.Count / 2]:F0}) | {times[(int)(times.Count * 0.95)]:F1} | {times[^1]:F1} | {bytes:N0} |"));
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Collects the garbage the report's computation left, so that the request measured next pays only for its own: the
    /// other writer stands for another process, and this process's own recompute ran when its event came, not at the request.
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static StrategyProvider Strategy(string folder) => new(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder));

    private static LiveReport Live(SqliteWorkStore store, StrategyProvider strategy) =>
        new(store, store, store, store, strategy, TimeProvider.System, NullLogger<LiveReport>.Instance);

    private static List<(string Name, Func<DashboardServices, HttpContext, Task<IResult>> Handler, string Target)> Pages(DashboardSite site) =>
    [
        ("strategy", (services, http) => DashboardPages.StrategyAsync(http, site, services), "/dashboard"),
        ("strategy ?format=json", (services, http) => DashboardPages.StrategyAsync(http, site, services), "/dashboard?format=json"),
        ("orphans (page 1, 100 a page)", (services, http) => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans"),
        ("orphans, unassigned, page 2", (services, http) => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans?assignee=%28unassigned%29&page=2"),
        ("orphans, one repository, text, page 3", (services, http) => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans?container=org%2Frepo2&q=synthetic&page=3"),
        ("investment", (services, http) => DashboardPages.InvestmentAsync(http, site, services), "/dashboard/investment"),
        ("key result", (services, http) => DashboardPages.KeyResultAsync(http, "kr0-0", site, services), "/dashboard/key-results/kr0-0"),
        ("findings (page 1, 100 a page)", (services, http) => DashboardPages.FindingsAsync(http, site, services), "/dashboard/findings"),
        ("findings, orphaned-work, page 5", (services, http) => DashboardPages.FindingsAsync(http, site, services), "/dashboard/findings?kind=orphaned-work&page=5"),
    ];

    /// <summary>A new open orphan: every report it makes differs from the one before (so it is stored).</summary>
    private static WorkItem NewOrphan(int n, DateTimeOffset now) => new()
    {
        Source = SourceKind.GitHub,
        Key = $"org/bench#{n}",
        Container = "org/bench",
        Title = "Benchmark change",
        Url = $"https://github.com/org/bench/issues/{n}",
        State = StateCategory.Todo,
        Labels = ["frontend"],
        Created = now.AddDays(-1),
        Updated = now.AddSeconds(n),
    };

    /// <summary>
    /// One request: its wall-clock time, the CPU time the process spent meanwhile (every thread: the request, the garbage
    /// collector; nothing else runs then), which other work on a shared machine does not inflate, and the page's size.
    /// </summary>
    private static async Task<(double Milliseconds, double CpuMilliseconds, long Bytes)> RequestAsync(Func<DashboardServices, HttpContext, Task<IResult>> handler, string target, DashboardServices services, IServiceProvider requestServices)
    {
        var http = Context(target, requestServices);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var result = await handler(services, http);
        await result.ExecuteAsync(http);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (http.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"{target} answered {http.Response.StatusCode}");
        }
        return (elapsed, cpu, http.Response.Body.Length);
    }

    private static DefaultHttpContext Context(string target, IServiceProvider requestServices)
    {
        var http = new DefaultHttpContext { RequestServices = requestServices };
        var query = target.IndexOf('?', StringComparison.Ordinal);
        http.Request.Method = "GET";
        http.Request.Path = query < 0 ? target : target[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        http.Response.Body = new MemoryStream();
        return http;
    }
}
