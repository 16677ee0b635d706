using OkrSync.Core.Work;
using OkrSync.Storage;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The stored hash must not change with its implementation: a different hash makes every stored item look changed
/// and rewrites it once. These values were computed by the implementation before the single-buffer one.
/// </summary>
public sealed class WorkItemHashTests
{
    private static WorkItem Sample(string? body) => new()
    {
        Source = SourceKind.GitHub,
        Key = "acme/web#12",
        Container = "acme/web",
        Title = "Checkout: pay with one click ✓",
        Url = "https://github.com/acme/web/issues/12",
        Type = "issue",
        State = StateCategory.InProgress,
        Status = "open",
        Labels = ["okr:checkout", "wip", "ünïcode"],
        ParentKey = "acme/web#3",
        Milestone = "Q3",
        Components = ["payments"],
        Assignee = "ada",
        AssigneeEmail = "ada@example.com",
        Estimate = 2.5,
        Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
        Updated = new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero),
        Closed = null,
        IsPullRequest = false,
        Body = body,
    };

    [Theory]
    [InlineData(0, "46afa24ce846308f3f28a1fbe4216ab3a108098cadaba0a9bde69794773b342d")]
    [InlineData(5_000, "4cf77adcaeb2a7142ebe5466f3c2d960b1f31ee76f9aa78e691bbcd70ed78240")]
    public void Compute_KnownItem_SameHashAsEver(int bodyLength, string expected)
    {
        var body = bodyLength == 0 ? null : string.Concat(Enumerable.Range(0, bodyLength).Select(i => (char)('a' + (i % 26))));

        Assert.Equal(expected, WorkItemHash.Compute(Sample(body)));
    }

    [Fact]
    public void Compute_ItemsDifferingInOneField_DifferentHashes()
    {
        var item = Sample("text");

        Assert.NotEqual(WorkItemHash.Compute(item), WorkItemHash.Compute(item with { Labels = ["okr:checkout", "wip"] }));
        Assert.NotEqual(WorkItemHash.Compute(item), WorkItemHash.Compute(item with { Body = null }));
        Assert.Equal(WorkItemHash.Compute(item), WorkItemHash.Compute(item with { }));
    }
}
