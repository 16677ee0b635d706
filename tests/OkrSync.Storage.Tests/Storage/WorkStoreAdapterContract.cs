using OkrSync.Core.Ports;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The part of the contract only the adapters owe: every field fits their storage service's size limits (a Table
/// Storage string property holds 64 KiB, an entity 1 MiB), so an oversized item is cut, never refused. The in-memory
/// fake has no such limit and keeps items whole, so it runs only <see cref="WorkStoreContract"/>.
/// </summary>
public abstract partial class WorkStoreAdapterContract : WorkStoreContract
{
    private const int StoredTextLimit = 32_000;

    [Fact]
    public async Task Upsert_200KiBBody_IsStoredCutWithAMarker()
    {
        var store = OpenStore();
        var body = string.Concat(Enumerable.Range(0, 200 * 1024 / 16).Select(i => $"line {i,9}\n"));
        var item = Item("acme/docs#1", "acme/docs", T0) with { Body = body };

        var result = await store.UpsertAsync([item]);

        Assert.Equal(1, result.Written);
        var stored = (await store.GetItemAsync("acme/docs#1"))?.Body;
        Assert.NotNull(stored);
        Assert.InRange(stored.Length, StoredTextLimit - 100, StoredTextLimit);
        Assert.StartsWith(body[..(StoredTextLimit - 100)], stored, StringComparison.Ordinal);
        Assert.Contains("[truncated by OkrSync: ", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_LongNonAsciiBodyAndTitle_AreCutWithoutFailing()
    {
        var store = OpenStore();
        var item = Item("acme/docs#2", "acme/docs", T0, title: new string('é', 40_000)) with { Body = string.Concat(Enumerable.Repeat("🚀\u0001\"", 30_000)) };

        var result = await store.UpsertAsync([item]);

        Assert.Equal(1, result.Written);
        var stored = await store.GetItemAsync("acme/docs#2");
        Assert.NotNull(stored);
        Assert.InRange(stored.Title.Length, StoredTextLimit - 100, StoredTextLimit);
        Assert.InRange(stored.Body!.Length, StoredTextLimit - 100, StoredTextLimit);
    }

    [Fact]
    public async Task Upsert_HugeLabelList_KeepsAPrefixOfWholeLabels()
    {
        var store = OpenStore();
        var labels = Enumerable.Range(0, 5_000).Select(i => $"label-number-{i:D5}").ToList();
        var item = Item("acme/docs#3", "acme/docs", T0) with { Labels = labels, Components = [new string('c', 50_000)] };

        var result = await store.UpsertAsync([item]);

        Assert.Equal(1, result.Written);
        var stored = await store.GetItemAsync("acme/docs#3");
        Assert.NotNull(stored);
        Assert.InRange(stored.Labels.Count, 1_000, 4_999);
        Assert.Equal(labels.Take(stored.Labels.Count), stored.Labels);
        Assert.InRange(Assert.Single(stored.Components).Length, StoredTextLimit - 100, StoredTextLimit);
    }

    [Fact]
    public async Task Upsert_CutItemResyncedUnchanged_IsUnchanged()
    {
        var store = OpenStore();
        var item = Item("acme/docs#4", "acme/docs", T0) with { Body = new string('x', 100_000), Labels = [.. Enumerable.Range(0, 5_000).Select(i => $"l{i}")] };
        await store.UpsertAsync([item]);

        var again = await store.UpsertAsync([item with { }]);

        Assert.Equal(new UpsertResult(0, 1, 0), again);
    }
}
