using System.Globalization;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    private const string FeedSource = "feed";
    private const int PageSize = 40;

    /// <summary>
    /// A tracker feed: 300 items, then newer versions of 70 of them, in <c>updated</c> order.
    /// </summary>
    private static readonly IReadOnlyList<WorkItem> Feed =
    [
        .. SampleWorkItems.Generate(count: 300, containers: 3),
        .. SampleWorkItems.Generate(count: 300, containers: 3, version: 2).Where((_, i) => i % 9 == 4 || i > 260),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(137)]
    [InlineData(299)]
    [InlineData(330)]
    [InlineData(377)]
    public async Task Sync_CrashAfterNWrites_NextRunConvergesToTheUninterruptedState(int writesBeforeCrash)
    {
        var reference = OpenStore("reference");
        await SyncAsync(reference);
        var crashing = new CrashingWorkStore(OpenStore(), writesBeforeCrash);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => SyncAsync(crashing));
        await AssertCursorCoversOnlyStoredItemsAsync(OpenStore());
        await SyncAsync(OpenStore());

        Assert.True(crashing.Crashed);
        Assert.Equal((await reference.ReadCursorAsync(FeedSource))?.Position, (await OpenStore().ReadCursorAsync(FeedSource))?.Position);
        var expected = await ReadAllSortedAsync(reference);
        var actual = await ReadAllSortedAsync(OpenStore());
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            AssertSameItem(e, a);
        }
    }

    /// <summary>The sync loop the engine will use: a page is stored before the cursor moves past it.</summary>
    private static async Task SyncAsync(IWorkStore store)
    {
        var cursor = await store.ReadCursorAsync(FeedSource);
        var since = cursor is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(cursor.Position, CultureInfo.InvariantCulture);
        foreach (var page in Feed.Where(i => i.Updated > since).OrderBy(i => i.Updated).Chunk(PageSize))
        {
            await store.UpsertAsync(page);
            await store.WriteCursorAsync(new SyncCursor(FeedSource, page[^1].Updated.ToString("o", CultureInfo.InvariantCulture), T0));
        }
    }

    private static async Task AssertCursorCoversOnlyStoredItemsAsync(IWorkStore store)
    {
        var cursor = await store.ReadCursorAsync(FeedSource);
        var position = cursor is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(cursor.Position, CultureInfo.InvariantCulture);
        foreach (var item in Feed.Where(i => i.Updated <= position))
        {
            var stored = await store.GetItemAsync(item.Key);
            Assert.True(stored is not null && stored.Updated >= item.Updated, $"The cursor ({position:o}) moved past {item.Key} (updated {item.Updated:o}), which is not stored.");
        }
    }
}
