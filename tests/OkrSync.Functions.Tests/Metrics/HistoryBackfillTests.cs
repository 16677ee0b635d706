using Microsoft.Extensions.Configuration;
using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Pipeline.History;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Metrics;

/// <summary>The first sync's backfill on a small data set, against figures worked out by hand.</summary>
public sealed class HistoryBackfillTests
{
    // Monday of ISO week 2026-W49: the backfill covers W46 (Nov 9-15), W47 (Nov 16-22) and W48 (Nov 23-29).
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly StrategyIndex Index = new(StrategyLoader.Load("""
        name: Backfill
        bets:
          - id: grow
            title: Grow
            key-results:
              - id: kr-a
                title: Activation
                metric: { baseline: 0, target: 100, current: 15 }
                initiatives: [{ id: x, title: X, match: { labels: [x] } }]
        """, "strategy.yaml").Strategy!);

    private static WorkItem Item(int n, string created, StateCategory state, string? closed = null, bool labelled = true) => new()
    {
        Source = SourceKind.GitHub,
        Key = $"acme/web#{n}",
        Container = "acme/web",
        Title = $"Item {n}",
        State = state,
        Labels = labelled ? ["x"] : [],
        Created = DateTimeOffset.Parse(created + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Updated = DateTimeOffset.Parse((closed ?? created) + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Closed = closed is null ? null : DateTimeOffset.Parse(closed + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly WorkItem[] Items =
    [
        Item(1, "2026-11-01", StateCategory.Done, "2026-11-12"),
        Item(2, "2026-11-10", StateCategory.Done, "2026-11-20"),
        Item(3, "2026-11-18", StateCategory.Todo),
        Item(4, "2026-11-05", StateCategory.InProgress, labelled: false),
        Item(5, "2026-11-19", StateCategory.Done, "2026-11-25", labelled: false),
        Item(6, "2026-11-24", StateCategory.Cancelled, "2026-11-26"),
    ];

    private static readonly CheckIn[] CheckIns =
    [
        new("kr-a", 10, new DateTimeOffset(2026, 11, 14, 12, 0, 0, TimeSpan.Zero)),
        new("kr-a", 12, new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public void ThreeWeeks_MatchTheHandComputedFigures()
    {
        var weeks = HistoryBackfill.Snapshots(Index, Items, CheckIns, Now, 3);

        Assert.Equal(["2026-W46", "2026-W47", "2026-W48"], weeks.Select(w => w.IsoWeek));
        Assert.All(weeks, w => Assert.True(w.Backfilled));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), weeks[0].TakenAt);
        // W46: #1 done, #2 open, #4 open orphan. W47: #3 and #5 appear, #2 done. W48: #5 done, #6 cancelled.
        Assert.Equal([3, 5, 6], weeks.Select(w => w.Summary.Total));
        Assert.Equal([1, 2, 1], weeks.Select(w => w.Summary.OpenOrphaned));
        Assert.Equal([0.5, 2.0 / 3, 0.5], weeks.Select(w => w.Summary.OrphanRate));
        var kr = weeks.Select(w => w.KeyResults.Single()).ToList();
        Assert.Equal([(2, 1), (3, 2), (3, 2)], kr.Select(k => (k.Planned, k.Done)));
        Assert.Equal([10.0, 10.0, 12.0], kr.Select(k => k.Current));
        Assert.Equal([0.1, 0.1, 0.12], kr.Select(k => k.OutcomeRatio));
        Assert.Equal("Activation", kr[0].Title);
    }

    [Fact]
    public void UndatedFileValue_IsUnknownInPastWeeks()
    {
        var weeks = HistoryBackfill.Snapshots(Index, Items, [], Now, 2);

        Assert.All(weeks, w => Assert.Null(w.KeyResults.Single().Current));
    }

    [Fact]
    public async Task Backfill_RunsOnlyOnAStoreWithoutSnapshots()
    {
        var store = new InMemoryWorkStore();

        var first = await HistoryBackfill.BackfillIfEmptyAsync(store, Index, Items, CheckIns, Now, 3, null);
        var second = await HistoryBackfill.BackfillIfEmptyAsync(store, Index, Items, CheckIns, Now.AddDays(7), 3, null);

        Assert.Equal((3, 0), (first, second));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("26", 26)]
    [InlineData(null, 12)]
    public void BackfillWeeksSetting_IsRead(string? value, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HistoryBackfill.BackfillWeeksSetting] = value }).Build();

        Assert.Equal(expected, HistoryBackfill.WeeksFrom(configuration));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("twelve")]
    [InlineData("9999")]
    public void BadBackfillWeeksSetting_NamesTheSetting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HistoryBackfill.BackfillWeeksSetting] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => HistoryBackfill.WeeksFrom(configuration));
        Assert.Contains("OkrSync:History:BackfillWeeks", error.Message, StringComparison.Ordinal);
    }
}
