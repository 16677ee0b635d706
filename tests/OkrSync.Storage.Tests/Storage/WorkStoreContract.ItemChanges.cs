using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// Catching up on what changed: after a mark, the store returns the items upserted and the keys deleted since, and
/// nothing written before it, so that a reader that lost a race reads the changes, not every item.
/// </summary>
public abstract partial class WorkStoreContract
{
    /// <summary>A mark after every write made so far (Table Storage: a server time later than their timestamps).</summary>
    protected virtual Task<ChangeMark> MarkAfterEverythingWrittenAsync(IWorkStore store) => store.ReadItemChangeMarkAsync();

    [Fact]
    public async Task ReadItemsChangedSince_WritesAfterTheMark_ReturnsTheirUpsertsAndDeletesAndNothingOlder()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/web#1", "acme/web", T0), Item("acme/web#2", "acme/web", T0), Item("acme/web#3", "acme/web", T0), Item("ONB-4", "ONB", T0, source: SourceKind.Jira)]);
        var mark = await MarkAfterEverythingWrittenAsync(store);

        await OpenStore().UpsertAsync([Item("acme/web#2", "acme/web", T0.AddHours(1), title: "Renamed"), Item("acme/web#5", "acme/web", T0.AddHours(1)) with { Body = "not read" }]);
        await OpenStore().UpsertAsync([Item("acme/web#1", "acme/web", T0)]); // unchanged: not written, so not a change
        await OpenStore().DeleteAsync(["acme/web#3", "acme/web#404"]);
        var changes = await OpenStore().ReadItemsChangedSinceAsync(mark);

        Assert.False(changes.Incomplete);
        Assert.Equal(["acme/web#2", "acme/web#5"], changes.Upserts.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Renamed", changes.Upserts.Single(i => i.Key == "acme/web#2").Title);
        Assert.All(changes.Upserts, i => Assert.Null(i.Body));
        Assert.Equal(["acme/web#3"], changes.Deletes);
    }

    [Fact]
    public async Task ReadItemsChangedSince_TheNextMark_ReturnsLaterChangesButNotTheOnesBeforeTheFirstMark()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/web#1", "acme/web", T0)]);
        var mark = await MarkAfterEverythingWrittenAsync(store);
        await store.UpsertAsync([Item("acme/web#2", "acme/web", T0)]);
        var first = await store.ReadItemsChangedSinceAsync(mark);

        await store.UpsertAsync([Item("acme/web#3", "acme/web", T0)]);
        await store.DeleteAsync(["acme/web#2"]);
        var second = await store.ReadItemsChangedSinceAsync(first.Next);

        Assert.Equal(["acme/web#2"], first.Upserts.Select(i => i.Key));
        Assert.Contains("acme/web#3", second.Upserts.Select(i => i.Key));
        Assert.DoesNotContain("acme/web#1", second.Upserts.Select(i => i.Key));
        Assert.Equal(["acme/web#2"], second.Deletes);
    }

    [Fact]
    public async Task ReadItemsChangedSince_AKeyDeletedAndStoredAgain_IsAnUpsertOnly()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/web#1", "acme/web", T0)]);
        var mark = await MarkAfterEverythingWrittenAsync(store);

        await store.DeleteAsync(["acme/web#1"]);
        await store.UpsertAsync([Item("acme/web#1", "acme/web", T0.AddHours(2), title: "Back")]);
        var changes = await store.ReadItemsChangedSinceAsync(mark);

        Assert.Equal("Back", Assert.Single(changes.Upserts).Title);
        Assert.Empty(changes.Deletes);
    }

    [Fact]
    public async Task ReadItemsChangedSince_AMarkTheStoreDoesNotKnow_IsIncompleteSoTheReaderReadsEverything()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/web#1", "acme/web", T0)]);

        var changes = await store.ReadItemsChangedSinceAsync(new ChangeMark("written by something else"));

        Assert.True(changes.Incomplete);
        Assert.Empty(changes.Upserts);
        Assert.False((await store.ReadItemsChangedSinceAsync(changes.Next)).Incomplete);
    }
}
