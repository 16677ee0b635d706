using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The tracker's API is the authority over what events wrote; delivery ids are recorded after the enqueue.</summary>
public abstract partial class WorkStoreContract
{
    private static readonly DateTimeOffset FarFuture = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpsertFromTracker_ReplacesAVersionPinnedByAFarFutureUpdated()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/web#12", "acme/web", FarFuture, title: "Forged")]);

        var eventAgain = await store.UpsertAsync([Item("acme/web#12", "acme/web", T0, title: "From an event")]);
        var fromTracker = await OpenStore().UpsertFromTrackerAsync([Item("acme/web#12", "acme/web", T0, title: "As the tracker lists it")]);

        Assert.Equal(new UpsertResult(0, 0, 1), eventAgain);
        Assert.Equal(new UpsertResult(1, 0, 0), fromTracker);
        var stored = await store.GetItemAsync("acme/web#12");
        Assert.Equal(("As the tracker lists it", T0), (stored!.Title, stored.Updated));
    }

    [Fact]
    public async Task UpsertFromTracker_UnchangedAndNewItems_AreCountedAsUsual()
    {
        var store = OpenStore();
        var item = Item("ONB-1", "ONB", T0, source: SourceKind.Jira);
        await store.UpsertFromTrackerAsync([item]);

        var again = await store.UpsertFromTrackerAsync([item, Item("ONB-2", "ONB", T0, source: SourceKind.Jira)]);

        Assert.Equal(new UpsertResult(1, 1, 0), again);
        Assert.Equal(2, (await ReadAllSortedAsync(store)).Count);
    }

    [Fact]
    public async Task IsDeliveryRecorded_IsTrueOnlyOnceRecordedForThatSource()
    {
        var store = OpenStore();

        var before = await store.IsDeliveryRecordedAsync("github", "d-1/#?");
        await store.TryRecordDeliveryAsync("github", "d-1/#?", T0);
        var after = await OpenStore().IsDeliveryRecordedAsync("github", "d-1/#?");
        var otherSource = await store.IsDeliveryRecordedAsync("jira", "d-1/#?");

        Assert.Equal((false, true, false), (before, after, otherSource));
    }
}
