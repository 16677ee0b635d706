using OkrSync.Core.Work;
using OkrSync.Pipeline;

namespace OkrSync.Functions.Tests.Pipeline;

public sealed class ItemStringsTests
{
    [Fact]
    public void Compact_ItemsWithEqualValues_ShareOneCopyAndKeepEveryValue()
    {
        var pool = new ItemStrings();
        var first = Item("ONB-1", ["onboarding", "bug"], "Li Wen");
        var second = Item("ONB-2", ["onboarding", "bug"], "Li Wen");

        var a = pool.Compact(first);
        var b = pool.Compact(second);

        Assert.Same(a.Labels, b.Labels);
        Assert.Same(a.Container, b.Container);
        Assert.Same(a.Status, b.Status);
        Assert.Same(a.Assignee, b.Assignee);
        Assert.Same(a.ParentKey, b.ParentKey);
        Assert.Equal(first with { Body = null, Labels = a.Labels, Components = a.Components }, a);
        Assert.Equal(["onboarding", "bug"], b.Labels);
        Assert.Null(a.Body);
    }

    [Fact]
    public void Compact_LabelsInAnotherOrderOrCase_AreKeptAsTheTrackerListsThem()
    {
        var pool = new ItemStrings();

        var a = pool.Compact(Item("ONB-1", ["bug", "onboarding"], null));
        var b = pool.Compact(Item("ONB-2", ["Onboarding", "bug"], null));

        Assert.Equal(["bug", "onboarding"], a.Labels);
        Assert.Equal(["Onboarding", "bug"], b.Labels);
        Assert.Same(a.Labels[0], b.Labels[1]);
    }

    private static WorkItem Item(string key, string[] labels, string? assignee) => new()
    {
        Source = SourceKind.Jira,
        Key = key,
        Container = new string("ONB".AsSpan()),
        Title = "Title of " + key,
        State = StateCategory.Todo,
        Status = new string("In Review".AsSpan()),
        Labels = [.. labels.Select(l => new string(l.AsSpan()))],
        ParentKey = new string("ONB-100".AsSpan()),
        Assignee = assignee is null ? null : new string(assignee.AsSpan()),
        Body = "a long description",
    };
}
