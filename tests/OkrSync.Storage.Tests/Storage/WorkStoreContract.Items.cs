using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    [Fact]
    public async Task Upsert_NewItem_RoundTripsEveryField()
    {
        var store = OpenStore();
        var item = new WorkItem
        {
            Source = SourceKind.Jira,
            Key = "ONB-42",
            Container = "ONB",
            Title = "Onboarding checklist",
            Url = "https://acme.atlassian.net/browse/ONB-42",
            Type = "Story",
            State = StateCategory.Done,
            Status = "Done",
            Labels = ["okr:kr-2", "Ünïcode ✓"],
            ParentKey = "ONB-1",
            Milestone = "Q2",
            Components = ["api", "web"],
            Assignee = "Dana",
            AssigneeEmail = "dana@example.com",
            Estimate = 2.5,
            Created = T0.AddDays(-3),
            Updated = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.FromHours(-5)),
            Closed = T0,
            IsPullRequest = false,
            Body = "Line 1\nLine 2 \"quoted\" \u0001",
        };

        var result = await store.UpsertAsync([item]);

        Assert.Equal(new UpsertResult(1, 0, 0), result);
        AssertSameItem(item, await store.GetItemAsync("ONB-42"));
        Assert.Null(await store.GetItemAsync("ONB-43"));
    }

    [Fact]
    public async Task ReadAllItemsWithoutBodies_EveryItem_HasEveryFieldButTheBody()
    {
        var store = OpenStore();
        var items = SampleWorkItems.Generate(250, containers: 4, bodyChars: 5_000);
        await store.UpsertAsync(items);

        var read = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync())
        {
            read.Add(item);
        }

        Assert.Equal(250, read.Count);
        Assert.All(read, item => Assert.Null(item.Body));
        foreach (var item in read)
        {
            AssertSameItem(items.Single(i => i.Key == item.Key) with { Body = null }, item);
        }
    }

    [Fact]
    public async Task Upsert_MoreThan100ItemsInSeveralPartitions_StoresAllAndReadsThemByContainer()
    {
        var store = OpenStore();
        var items = SampleWorkItems.Generate(count: 530, containers: 4);

        var first = await store.UpsertAsync(items);

        Assert.Equal(new UpsertResult(530, 0, 0), first);
        Assert.Equal(items.Select(i => i.Key).Order(StringComparer.Ordinal), (await ReadAllSortedAsync(store)).Select(i => i.Key));
        foreach (var container in items.GroupBy(i => (i.Source, i.Container)))
        {
            var stored = await ReadContainerAsync(store, container.Key.Source, container.Key.Container);
            Assert.Equal(container.Select(i => i.Key).Order(StringComparer.Ordinal), stored.Select(i => i.Key).Order(StringComparer.Ordinal));
        }

        AssertSameItem(items[317], await store.GetItemAsync(items[317].Key));
    }

    [Fact]
    public async Task Upsert_KeysAndContainersWithForbiddenCharacters_RoundTrip()
    {
        var store = OpenStore();
        string[] keys = ["we/ird\\key#1", "q?uery#2", "tab\tand\u0001control\u007f\u009f", "percent%20'quote'~tilde", "ключ/ü#3", "emoji 🚀#4"];
        var container = "org/re#po?\\x";
        var items = keys.Select((k, i) => Item(k, container, T0.AddMinutes(i), source: new SourceKind("odd/source#"))).ToList();

        var result = await store.UpsertAsync(items);

        Assert.Equal(items.Count, result.Written);
        foreach (var item in items)
        {
            AssertSameItem(item, await store.GetItemAsync(item.Key));
        }

        var byContainer = await ReadContainerAsync(store, new SourceKind("odd/source#"), container);
        Assert.Equal(items.Select(i => i.Key).Order(StringComparer.Ordinal), byContainer.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, await store.DeleteAsync(["we/ird\\key#1", "emoji 🚀#4"]));
        Assert.Null(await store.GetItemAsync("we/ird\\key#1"));
    }

    [Fact]
    public async Task Upsert_UnchangedResync_WritesNothing()
    {
        var store = OpenStore();
        var items = SampleWorkItems.Generate(count: 250, containers: 3);
        await store.UpsertAsync(items);
        var writesBefore = await ItemWritesObservedAsync();

        var again = await OpenStore().UpsertAsync(SampleWorkItems.Generate(count: 250, containers: 3));

        Assert.Equal(new UpsertResult(0, 250, 0), again);
        Assert.Equal(writesBefore, await ItemWritesObservedAsync());
    }

    [Fact]
    public async Task Upsert_OlderUpdateAfterNewer_IsStaleAndKeepsNewer()
    {
        var store = OpenStore();
        var newer = Item("acme/app#7", "acme/app", T0.AddHours(2), title: "newer");
        var older = Item("acme/app#7", "acme/app", T0.AddHours(1), title: "older");
        await store.UpsertAsync([newer]);

        var result = await store.UpsertAsync([older]);

        Assert.Equal(new UpsertResult(0, 0, 1), result);
        Assert.Equal("newer", (await store.GetItemAsync("acme/app#7"))?.Title);
    }

    [Fact]
    public async Task Upsert_VersionsOutOfOrderInOneCall_KeepsNewest()
    {
        var store = OpenStore();
        var v1 = Item("PAY-1", "PAY", T0.AddHours(1), title: "v1", source: SourceKind.Jira);
        var v3 = Item("PAY-1", "PAY", T0.AddHours(3), title: "v3", source: SourceKind.Jira);
        var v2 = Item("PAY-1", "PAY", T0.AddHours(2), title: "v2", source: SourceKind.Jira);

        var result = await store.UpsertAsync([v1, v3, v2]);

        Assert.Equal(new UpsertResult(1, 0, 2), result);
        Assert.Equal("v3", (await store.GetItemAsync("PAY-1"))?.Title);
    }

    [Fact]
    public async Task Upsert_SameUpdatedButDifferentContent_Writes()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/app#8", "acme/app", T0, title: "first read")]);

        var result = await store.UpsertAsync([Item("acme/app#8", "acme/app", T0, title: "second read")]);

        Assert.Equal(new UpsertResult(1, 0, 0), result);
        Assert.Equal("second read", (await store.GetItemAsync("acme/app#8"))?.Title);
    }

    [Fact]
    public async Task Delete_ExistingAndMissingKeys_CountsOnlyExisting()
    {
        var store = OpenStore();
        await store.UpsertAsync([Item("acme/app#1", "acme/app", T0), Item("OPS-9", "OPS", T0, source: SourceKind.Jira), Item("acme/app#2", "acme/app", T0)]);

        var deleted = await store.DeleteAsync(["acme/app#1", "OPS-9", "acme/app#404", "acme/app#1"]);

        Assert.Equal(2, deleted);
        Assert.Equal(["acme/app#2"], (await ReadAllSortedAsync(store)).Select(i => i.Key));
    }
}
