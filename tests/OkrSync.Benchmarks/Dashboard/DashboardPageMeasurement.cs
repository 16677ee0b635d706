using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Pipeline;
using OkrSync.Storage.Queues;
using OkrSync.Testing.Fakes;
using OkrSync.Web.Pages;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Hosting;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's pages at scale, through their real handlers (gate, stored report, live report, view, HTML): N stored
/// items (default 100,000) of the synthetic organisation, the report computed and stored as the app does, then each page
/// requested repeatedly. "first" is the first request after a new report (the effort flow is computed then, once per
/// report); the others reuse it. Budget (issue 16): the strategy page under 300 ms and 250 KB; the orphan list 100 a page.
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- dashboard 100000</c>.
/// </summary>
internal static class DashboardPageMeasurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("okrsync-dashboard-bench-").FullName;
        try
        {
            var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml());
            var store = new InMemoryWorkStore();
            await store.UpsertAsync(SyntheticWork.Items(count, now));
            var strategy = new StrategyProvider(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder));
            var live = new LiveReport(store, store, store, store, strategy, TimeProvider.System, NullLogger<LiveReport>.Instance);
            var reload = Stopwatch.StartNew();
            await live.ReloadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} items; report computed and stored in {reload.ElapsedMilliseconds} ms (the sync's cost, not the page's)"));
            var queue = new SqliteEventQueue(Path.Combine(folder, "queue.db"), TimeProvider.System);
            DashboardServices Fresh() => new(store, live, queue, new ReportDashboardInputs(store));
            var site = new DashboardSite(DashboardPaths.Serve, new ServePageGate(new ServeAccess(null, null)));
            var requestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

            Console.WriteLine("| page | first request (ms) | median (ms) | p95 (ms) | max (ms) | bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            await MeasureAsync("strategy", (services, http) => DashboardPages.StrategyAsync(http, site, services), "/dashboard", requestServices, Fresh);
            await MeasureAsync("strategy ?format=json", (services, http) => DashboardPages.StrategyAsync(http, site, services), "/dashboard?format=json", requestServices, Fresh);
            await MeasureAsync("orphans (page 1 of 100 a page)", (services, http) => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans", requestServices, Fresh);
            await MeasureAsync("orphans, unassigned, page 2", (services, http) => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans?assignee=%28unassigned%29&page=2", requestServices, Fresh);
            await MeasureAsync("investment", (services, http) => DashboardPages.InvestmentAsync(http, site, services), "/dashboard/investment", requestServices, Fresh);
            await MeasureAsync("key result", (services, http) => DashboardPages.KeyResultAsync(http, "kr0-0", site, services), "/dashboard/key-results/kr0-0", requestServices, Fresh);
            await MeasureAsync("findings", (services, http) => DashboardPages.FindingsAsync(http, site, services), "/dashboard/findings", requestServices, Fresh);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, Func<DashboardServices, HttpContext, Task<IResult>> handler, string target, IServiceProvider requestServices, Func<DashboardServices> fresh)
    {
        // A fresh DashboardServices for the first request, as after a new report: it computes the effort flow once.
        var services = fresh();
        var times = new List<double>();
        long bytes = 0;
        double first = 0;
        for (var run = 0; run < 31; run++)
        {
            var http = Context(target, requestServices);
            var started = Stopwatch.GetTimestamp();
            var result = await handler(services, http);
            await result.ExecuteAsync(http);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes = http.Response.Body.Length;
            if (http.Response.StatusCode != 200)
            {
                throw new InvalidOperationException($"{target} answered {http.Response.StatusCode}");
            }
            if (run == 0)
            {
                first = elapsed;
            }
            else
            {
                times.Add(elapsed);
            }
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {first:F1} | {times[times.Count / 2]:F1} | {times[(int)(times.Count * 0.95)]:F1} | {times[^1]:F1} | {bytes:N0} |"));
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
