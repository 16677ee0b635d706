using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Pipeline;

/// <summary>
/// The live report against the store: a reload after a sync keeps the items it holds and applies what differs; an
/// instance that lost a race to another catches up reading only what changed; stored writes are coalesced.
/// </summary>
public sealed class LiveReportTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private static readonly string StrategyYaml = OneBetStrategy.Yaml("Live report test");

    private readonly string folder = Directory.CreateTempSubdirectory("okrsync-live-").FullName;
    private readonly IReadOnlyList<WorkItem> items = SampleWorkItems.Generate(300, containers: 4);

    public LiveReportTests() => File.WriteAllText(Path.Combine(folder, "strategy.yaml"), StrategyYaml);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task LostRaceToAnotherInstance_CatchesUpReadingOnlyTheChangedItemsAndEqualsAFullRecompute()
    {
        var store = new InMemoryWorkStore();
        await store.UpsertAsync(items);
        var clock = new FakeTimeProvider(Monday);
        var countedA = new CountingItemStore(store);
        var a = Live(countedA, store, clock);
        var b = Live(store, store, clock);
        await a.ReloadAsync();

        WorkItem[] byB =
        [
            Changed(items[1]) with { Labels = [], Title = "Unlabelled by B" },
            Changed(items[2]) with { Labels = ["on-prem"] },
            Changed(items[3]) with { ParentKey = items[4].Key, Labels = [] },
        ];
        await store.UpsertAsync(byB);
        await store.DeleteAsync([items[5].Key]);
        await b.RefreshAsync(await b.ApplyAsync(byB, [items[5].Key]));
        var byA = Changed(items[6]) with { Title = "Retitled by A", Labels = [] };
        await store.UpsertAsync([byA]);
        await a.RefreshAsync(await a.ApplyAsync([byA], []));

        Assert.Equal(3, await store.ReadCurrentReportGenerationAsync()); // A's first, B's, then A's again after catching up
        Assert.Equal(items.Count, countedA.ItemsReadInFull); // only the first load read every item
        Assert.Equal(byB.Length + 1 + 1, countedA.ChangesRead); // B's upserts and delete, and A's own upsert
        Assert.Equal(await FullRecomputeAsync(store), Normalised((await store.ReadCurrentReportAsync())!));
    }

    [Fact]
    public async Task CurrentInAProcessThatHeldNoItems_AfterAnotherWritersReport_LoadsAndAnswersThenReusesIt()
    {
        var store = new InMemoryWorkStore();
        await store.UpsertAsync(items);
        var clock = new FakeTimeProvider(Monday);
        await Live(store, store, clock).ReloadAsync(); // another writer (okrsync sync, another instance) stored a report
        var counted = new CountingItemStore(store);
        var reader = Live(counted, store, clock); // this process has only answered reads so far

        var first = await reader.CurrentAsync();
        var again = await reader.CurrentAsync();

        Assert.NotNull(first);
        Assert.Equal(items.Count, first.Items.Count);
        Assert.Same(first, again); // the stored generation has not moved: no second read of the items
        Assert.Equal(items.Count, counted.ItemsReadInFull);
    }

    [Fact]
    public async Task ReloadAfterASync_KeepsTheHeldCopiesOfUnchangedItemsAndAppliesWhatDiffers()
    {
        var store = new InMemoryWorkStore();
        await store.UpsertAsync(items);
        var clock = new FakeTimeProvider(Monday);
        var live = Live(store, store, clock);
        await live.ReloadAsync();
        var before = (await live.CurrentAsync())!;

        await store.UpsertAsync([Changed(items[0]) with { Title = "Changed by the sync", Labels = [] }, items[1] with { Title = "Same key, same time, new title" }]);
        await store.DeleteAsync([items[2].Key]);
        await live.ReloadAsync();
        var after = (await live.CurrentAsync())!;

        WorkItem Held(Report report, int i) => report.Items.Single(a => a.Item.Key == items[i].Key).Item;
        Assert.Same(Held(before, 3), Held(after, 3));
        Assert.Same(Held(before, 299), Held(after, 299));
        Assert.Equal("Changed by the sync", Held(after, 0).Title);
        Assert.Equal("Same key, same time, new title", Held(after, 1).Title);
        Assert.DoesNotContain(after.Items, a => a.Item.Key == items[2].Key);
        Assert.Equal(items.Count - 1, after.Items.Count);
        Assert.Equal(await FullRecomputeAsync(store), Normalised((await store.ReadCurrentReportAsync())!));
    }

    [Fact]
    public async Task EventAppliedWhileAReloadReadsTheStore_IsKeptOverTheOlderCopyRead()
    {
        var store = new InMemoryWorkStore();
        await store.UpsertAsync(items);
        var clock = new FakeTimeProvider(Monday);
        var counted = new CountingItemStore(store);
        var live = Live(counted, store, clock);
        await live.ReloadAsync();
        var newer = Changed(items[7]) with { Title = "Applied during the reload", Labels = [] };
        long change = 0;
        counted.DuringNextFullRead = async () =>
        {
            await store.UpsertAsync([newer]);
            change = await live.ApplyAsync([newer], []);
        };

        await live.ReloadAsync();
        await live.RefreshAsync(change);

        var report = (await live.CurrentAsync())!;
        Assert.Equal("Applied during the reload", report.Items.Single(a => a.Item.Key == newer.Key).Item.Title);
        Assert.Equal(await FullRecomputeAsync(store), Normalised((await store.ReadCurrentReportAsync())!));
    }

    [Fact]
    public async Task EventsWithinTheWriteInterval_WaitForOneWriteThatCoversThemAll()
    {
        var (store, clock, reports, live) = await AfterAFirstWriteAsync();

        var second = Changed(items[1]) with { Labels = [], Title = "Second" };
        var third = Changed(items[2]) with { Labels = [], Title = "Third" };
        await store.UpsertAsync([second, third]);
        var waitingSecond = live.RefreshAsync(await live.ApplyAsync([second], []));
        var waitingThird = live.RefreshAsync(await live.ApplyAsync([third], []));
        var writtenBefore = reports.Written.Count;
        var doneBefore = waitingSecond.IsCompleted || waitingThird.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(waitingSecond, waitingThird).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, writtenBefore);
        Assert.False(doneBefore);
        Assert.Equal([Monday, Monday.AddMilliseconds(200)], reports.Written);
        Assert.Equal(["First", "Second", "Third"], (await store.ReadCurrentReportAsync())!.WorkItems.Select(w => w.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EventAfterTheWriteInterval_IsWrittenAtOnce()
    {
        var (store, clock, reports, live) = await AfterAFirstWriteAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        var second = Changed(items[1]) with { Labels = [], Title = "Second" };
        await store.UpsertAsync([second]);
        await live.RefreshAsync(await live.ApplyAsync([second], [])).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([Monday, Monday.AddSeconds(1)], reports.Written);
    }

    /// <summary>A live report writing at most every 200 ms, whose first event ("First") is stored at <see cref="Monday"/>.</summary>
    private async Task<(InMemoryWorkStore Store, FakeTimeProvider Clock, RecordingReportStore Reports, LiveReport Live)> AfterAFirstWriteAsync()
    {
        var store = new InMemoryWorkStore();
        var clock = new FakeTimeProvider(Monday);
        var reports = new RecordingReportStore(store, clock);
        var live = Live(store, reports, clock, TimeSpan.FromMilliseconds(200));
        var first = Changed(items[0]) with { Labels = [], Title = "First" };
        await store.UpsertAsync([first]);
        await live.RefreshAsync(await live.ApplyAsync([first], []));
        return (store, clock, reports, live);
    }

    private LiveReport Live(IItemStore itemStore, IReportStore reports, TimeProvider clock, TimeSpan? minWriteInterval = null)
    {
        var strategy = new StrategyProvider(Options.Create(new StrategyOptions { StrategyPath = "strategy.yaml" }), new AppFolder(folder));
        var store = new InMemoryWorkStore(); // cursors and check-ins: none
        return new LiveReport(itemStore, reports, store, store, strategy, clock, NullLogger<LiveReport>.Instance)
        {
            MinWriteInterval = minWriteInterval ?? TimeSpan.Zero,
        };
    }

    private static WorkItem Changed(WorkItem item) => item with { Updated = item.Updated.AddMinutes(5) };

    /// <summary>The report a single process computes from scratch over every stored item, as stored.</summary>
    private async Task<string> FullRecomputeAsync(IItemStore store)
    {
        var all = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync())
        {
            all.Add(item);
        }
        var index = new StrategyIndex(StrategyLoader.Load(StrategyYaml, "strategy.yaml").Strategy!);
        return Normalised(ReportPublisher.ToStoredDocument(ReportBuilder.Build(index, all, Monday)));
    }

    /// <summary>The stored report without its as-of instant, items and findings in key order.</summary>
    private static string Normalised(ReportDocument document) => JsonSerializer.Serialize(
        document with
        {
            AsOf = default,
            Investment = document.Investment is { } window ? window with { From = default, To = default } : null,
            WorkItems = [.. document.WorkItems.OrderBy(i => i.Key, StringComparer.Ordinal)],
            Findings = [.. document.Findings.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)],
        },
        ReportJsonContext.Default.ReportDocument);
}
