using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Pipeline;

public sealed class ReportRecomputerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private static readonly StrategyDocument Strategy = StrategyLoader.Load(OneBetStrategy.Yaml("Recompute test"), "strategy.yaml").Strategy!;

    [Fact]
    public async Task NothingChangedButTheTime_ReportIsNotRewritten()
    {
        var store = new InMemoryWorkStore();
        await store.UpsertAsync(SampleWorkItems.Generate(500, containers: 4));
        var first = await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, Strategy, Monday);
        var stored = await store.ReadCurrentReportAsync();

        var second = await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, Strategy, Monday.AddHours(1));

        Assert.True(first.ReportWritten);
        Assert.False(second.ReportWritten);
        Assert.Same(stored, await store.ReadCurrentReportAsync());
    }

    [Fact]
    public async Task OneItemRetitled_ReportIsRewritten()
    {
        var store = new InMemoryWorkStore();
        var items = SampleWorkItems.Generate(500, containers: 4);
        await store.UpsertAsync([.. items.Select(i => i with { Labels = [] })]);
        await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, Strategy, Monday);
        var orphan = items[7] with { Labels = [], Title = "Retitled", Updated = items[7].Updated.AddMinutes(1) };
        await store.UpsertAsync([orphan]);

        var second = await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, Strategy, Monday.AddHours(1));

        Assert.True(second.ReportWritten);
        var saved = await store.ReadCurrentReportAsync();
        Assert.Equal(Monday.AddHours(1), saved?.AsOf);
        Assert.Contains(saved!.WorkItems, w => w.Title == "Retitled");
    }
}
