using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IWorkStore"/> must have, each role of it: the two adapters and the in-memory fake the
/// sync and pipeline tests use. Each concrete subclass runs every test against its own backend; each test instance gets
/// fresh, isolated storage. What only the adapters owe, because of their storage service's limits, is in
/// <see cref="WorkStoreAdapterContract"/>.
/// </summary>
public abstract partial class WorkStoreContract : IAsyncLifetime
{
    /// <summary>Item write operations seen underneath the store (the wire, or the database), for the scope.</summary>
    protected abstract Task<long> ItemWritesObservedAsync(string scope = MainScope);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    protected static WorkItem Item(string key, string container, DateTimeOffset updated, string title = "Title", SourceKind? source = null) => new()
    {
        Source = source ?? SourceKind.GitHub,
        Key = key,
        Container = container,
        Title = title,
        State = StateCategory.InProgress,
        Created = T0.AddDays(-30),
        Updated = updated,
    };

    protected static async Task<List<WorkItem>> ReadAllSortedAsync(IWorkStore store)
    {
        var items = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsAsync())
        {
            items.Add(item);
        }

        return [.. items.OrderBy(i => i.Key, StringComparer.Ordinal)];
    }

    protected static async Task<List<WorkItem>> ReadContainerAsync(IWorkStore store, SourceKind source, string container)
    {
        var items = new List<WorkItem>();
        await foreach (var item in store.ReadItemsAsync(source, container))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Field-by-field equality, lists by content, times by instant and offset.</summary>
    protected static void AssertSameItem(WorkItem expected, WorkItem? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.Source, expected.Key, expected.Container, expected.Title, expected.Url, expected.Type, expected.State, expected.Status),
            (actual.Source, actual.Key, actual.Container, actual.Title, actual.Url, actual.Type, actual.State, actual.Status));
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Components, actual.Components);
        Assert.Equal(
            (expected.ParentKey, expected.Milestone, expected.Assignee, expected.AssigneeEmail, expected.Estimate, expected.IsPullRequest, expected.Body),
            (actual.ParentKey, actual.Milestone, actual.Assignee, actual.AssigneeEmail, actual.Estimate, actual.IsPullRequest, actual.Body));
        Assert.Equal((expected.Created, expected.Created.Offset), (actual.Created, actual.Created.Offset));
        Assert.Equal((expected.Updated, expected.Updated.Offset), (actual.Updated, actual.Updated.Offset));
        Assert.Equal((expected.Closed, expected.Closed?.Offset), (actual.Closed, actual.Closed?.Offset));
    }
}
