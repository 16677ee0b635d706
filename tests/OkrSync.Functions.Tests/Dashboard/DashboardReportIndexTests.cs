using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Pipeline;
using OkrSync.Storage.Queues;
using OkrSync.Testing.Fakes;
using OkrSync.Web.Hosting;
using OkrSync.Web.Pages;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>What the pages work out once per stored report, and what they never need: the live report's items.</summary>
public sealed class DashboardReportIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("okrsync-dashboard-index-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void FindingsView_MergesPoisonedEventsInKindOrder_CountsThem_AndPagesTheMerge()
    {
        FindingJson Finding(string kind, string subject) => new(kind, subject, $"{kind} on {subject}", null, null);
        var report = FindingList.Of([.. Enumerable.Range(0, 150).Select(n => Finding(FindingKinds.OrphanedWork, $"acme/web#{n}")), Finding(FindingKinds.IdleBet, "self-serve")]);
        var poisoned = FindingList.Of([Finding(FindingKinds.PoisonEvent, "acme/web#900"), Finding(FindingKinds.PoisonEvent, "acme/web#901")]);
        IEnumerable<FindingJson> everything = [.. report.All, .. poisoned.All];
        var expected = everything.Select((f, i) => (f, i)).OrderBy(p => FindingKinds.Order(p.f.Kind)).ThenBy(p => p.i).Select(p => p.f).ToList();

        var first = FindingsView.Build(Now, report, poisoned, null, 1);
        var second = FindingsView.Build(Now, report, poisoned, null, 2);
        var onlyPoisoned = FindingsView.Build(Now, report, poisoned, FindingKinds.PoisonEvent, 1);

        Assert.Equal((153, 2, 100, 53), (first.Total, first.Pages, first.Findings.Count, second.Findings.Count));
        Assert.Equal(expected, first.Findings.Concat(second.Findings));
        Assert.Equal(2, first.Kinds.Single(k => k.Kind == FindingKinds.PoisonEvent).Count);
        Assert.Equal(150, first.Kinds.Single(k => k.Kind == FindingKinds.OrphanedWork).Count);
        Assert.Equal((2, 1), (onlyPoisoned.Total, onlyPoisoned.Pages));
        Assert.Equal(poisoned.All, onlyPoisoned.Findings);
    }

    [Fact]
    public async Task IndexOf_KeepsOneIndexPerStoredReport_AndBuildsAnotherForANewReport()
    {
        var (store, _, services) = await StartAsync(new InMemoryWorkStore(), [Item("acme/web#1")]);
        var stored = (await store.ReadCurrentReportAsync())!;

        var once = services.IndexOf(stored);
        var again = services.IndexOf(stored);
        await store.SaveCurrentReportAsync(stored with { AsOf = Now.AddMinutes(1) });
        var newer = services.IndexOf((await store.ReadCurrentReportAsync())!);

        Assert.Same(once, again);
        Assert.NotSame(once, newer);
        Assert.Equal(["acme/web#1"], newer.Orphans.Items.Select(o => o.Key));
    }

    [Fact]
    public async Task StrategyOrphanAndFindingPages_AfterAnotherWritersReport_DrawItFromTheStoredReport_WithoutReadingEveryItem()
    {
        var shared = new InMemoryWorkStore();
        var (store, counted, services) = await StartAsync(shared, [Item("acme/web#1"), Item("acme/web#2", ["onboarding"])]);
        var other = Live(shared, new StrategyProvider(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder)));
        await other.ReloadAsync();
        await shared.UpsertAsync([Item("acme/web#3")]);
        await other.RefreshAsync(await other.ApplyAsync([Item("acme/web#3")], []));
        var readsBefore = counted.FullReads;
        var site = new DashboardSite(DashboardPaths.Serve, new ServePageGate(new ServeAccess(null, null)));

        var strategy = await RequestAsync(http => DashboardPages.StrategyAsync(http, site, services), "/dashboard?format=json");
        var orphans = await RequestAsync(http => DashboardPages.OrphansAsync(http, site, services), "/dashboard/orphans?format=json");
        var findings = await RequestAsync(http => DashboardPages.FindingsAsync(http, site, services), "/dashboard/findings?format=json&kind=orphaned-work");
        await RequestAsync(http => DashboardPages.InvestmentAsync(http, site, services), "/dashboard/investment?format=json");

        Assert.Equal(readsBefore, counted.FullReads);
        Assert.Equal((3, 2), (strategy.RootElement.GetProperty("summary").GetProperty("total").GetInt32(), strategy.RootElement.GetProperty("summary").GetProperty("orphaned").GetInt32()));
        Assert.Equal(["acme/web#1", "acme/web#3"], orphans.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).Order());
        Assert.Equal(2, findings.RootElement.GetProperty("total").GetInt32());
    }

    private async Task<(InMemoryWorkStore Store, CountingItems Counted, DashboardServices Services)> StartAsync(InMemoryWorkStore store, IReadOnlyList<WorkItem> items)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), AppStrategy.Yaml);
        await store.UpsertAsync(items);
        var strategy = new StrategyProvider(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder));
        var counted = new CountingItems(store);
        var live = new LiveReport(counted, store, store, store, strategy, TimeProvider.System, NullLogger<LiveReport>.Instance);
        await live.ReloadAsync();
        var queue = new SqliteEventQueue(Path.Combine(folder, "queue.db"), TimeProvider.System);
        return (store, counted, new DashboardServices(store, live, strategy, queue, new ReportDashboardInputs(store)));
    }

    private static LiveReport Live(InMemoryWorkStore store, StrategyProvider strategy) =>
        new(store, store, store, store, strategy, TimeProvider.System, NullLogger<LiveReport>.Instance);

    private static async Task<System.Text.Json.JsonDocument> RequestAsync(Func<HttpContext, Task<IResult>> handler, string target)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var query = target.IndexOf('?', StringComparison.Ordinal);
        http.Request.Method = "GET";
        http.Request.Path = target[..query];
        http.Request.QueryString = new QueryString(target[query..]);
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        http.Response.Body = new MemoryStream();
        await (await handler(http)).ExecuteAsync(http);
        Assert.Equal(200, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        return await System.Text.Json.JsonDocument.ParseAsync(http.Response.Body);
    }

    private static WorkItem Item(string key, IReadOnlyList<string>? labels = null) => new()
    {
        Source = SourceKind.GitHub,
        Key = key,
        Container = key[..key.IndexOf('#', StringComparison.Ordinal)],
        Title = "Work " + key,
        Url = $"https://github.com/{key.Replace("#", "/issues/", StringComparison.Ordinal)}",
        State = StateCategory.Todo,
        Labels = labels ?? [],
        Created = Now.AddDays(-3),
        Updated = Now.AddDays(-1),
    };

    /// <summary>The item store, counting the reads of every item (what a live report's reload costs).</summary>
    private sealed class CountingItems(IItemStore inner) : IItemStore
    {
        private int fullReads;

        public int FullReads => Volatile.Read(ref fullReads);

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) => inner.UpsertAsync(items, cancellationToken);

        public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) => inner.UpsertFromTrackerAsync(items, cancellationToken);

        public Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default) => inner.GetItemAsync(key, cancellationToken);

        public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) => inner.ReadItemsAsync(source, container, cancellationToken);

        public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) => Counted(inner.ReadAllItemsAsync(cancellationToken), cancellationToken);

        public IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default) => Counted(inner.ReadAllItemsWithoutBodiesAsync(cancellationToken), cancellationToken);

        public Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default) => inner.ReadItemChangeMarkAsync(cancellationToken);

        public Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default) => inner.ReadItemsChangedSinceAsync(since, cancellationToken);

        private async IAsyncEnumerable<WorkItem> Counted(IAsyncEnumerable<WorkItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref fullReads);
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
    }
}
