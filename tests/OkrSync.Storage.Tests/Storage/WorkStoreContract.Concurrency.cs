using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    [Fact]
    public async Task Upsert_NewerWriteLandsBetweenReadAndWrite_NewerWinsAndOursIsStale()
    {
        await OpenStore().UpsertAsync([Item("acme/app#5", "acme/app", T0, title: "v1")]);
        var other = OpenStore();
        var interfered = false;
        var writer = OpenStore(beforeItemWrites: async ct =>
        {
            if (!interfered)
            {
                interfered = true;
                await other.UpsertAsync([Item("acme/app#5", "acme/app", T0.AddHours(3), title: "v3 from the other writer")], ct);
            }
        });

        var result = await writer.UpsertAsync([Item("acme/app#5", "acme/app", T0.AddHours(2), title: "v2")]);

        Assert.True(interfered);
        Assert.Equal(new UpsertResult(0, 0, 1), result);
        Assert.Equal("v3 from the other writer", (await writer.GetItemAsync("acme/app#5"))?.Title);
    }

    [Fact]
    public async Task Upsert_OlderWriteLandsBetweenReadAndWrite_OursStillWins()
    {
        await OpenStore().UpsertAsync([Item("acme/app#6", "acme/app", T0, title: "v1")]);
        var other = OpenStore();
        var interfered = false;
        var writer = OpenStore(beforeItemWrites: async ct =>
        {
            if (!interfered)
            {
                interfered = true;
                await other.UpsertAsync([Item("acme/app#6", "acme/app", T0.AddHours(1), title: "v2 from the other writer")], ct);
            }
        });

        var result = await writer.UpsertAsync([Item("acme/app#6", "acme/app", T0.AddHours(3), title: "v3")]);

        Assert.Equal(new UpsertResult(1, 0, 0), result);
        Assert.Equal("v3", (await writer.GetItemAsync("acme/app#6"))?.Title);
    }

    [Fact]
    public async Task Upsert_SameNewKeyInsertedByAnotherWriterMeanwhile_NewerWins()
    {
        var other = OpenStore();
        var interfered = false;
        var writer = OpenStore(beforeItemWrites: async ct =>
        {
            if (!interfered)
            {
                interfered = true;
                await other.UpsertAsync([Item("NEW-1", "NEW", T0.AddHours(5), title: "theirs", source: SourceKind.Jira)], ct);
            }
        });

        var result = await writer.UpsertAsync([Item("NEW-1", "NEW", T0.AddHours(4), title: "ours", source: SourceKind.Jira), Item("NEW-2", "NEW", T0, source: SourceKind.Jira)]);

        Assert.Equal(new UpsertResult(1, 0, 1), result);
        Assert.Equal("theirs", (await writer.GetItemAsync("NEW-1"))?.Title);
        Assert.NotNull(await writer.GetItemAsync("NEW-2"));
    }

    [Fact]
    public async Task Upsert_ManyConcurrentWritersOfTheSameItems_LoseNoUpdate()
    {
        var keys = Enumerable.Range(1, 30).Select(i => $"acme/hot#{i}").ToList();
        var writers = Enumerable.Range(0, 6).Select(_ => OpenStore()).ToList();
        // Writer w writes version (w * 7 % 6): every writer has a different version, in no particular order.
        var versions = Enumerable.Range(0, writers.Count).Select(w => w * 7 % writers.Count).ToList();

        await Task.WhenAll(writers.Select((store, w) => Task.Run(() =>
            store.UpsertAsync([.. keys.Select(k => Item(k, "acme/hot", T0.AddMinutes(versions[w]), title: $"version {versions[w]}"))]))));

        var stored = await ReadContainerAsync(OpenStore(), SourceKind.GitHub, "acme/hot");
        Assert.Equal(keys.Count, stored.Count);
        Assert.All(stored, item => Assert.Equal($"version {versions.Max()}", item.Title));
    }
}
