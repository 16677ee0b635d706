using OkrSync.Core.Alignment;
using OkrSync.Core.Tests.Support;

namespace OkrSync.Core.Tests.Alignment;

public class InheritanceTests
{
    [Fact]
    public void ChildOfAlignedEpic_InheritsItsInitiative()
    {
        var epic = Some.Item("PAY-1", labels: ["billing"]);
        var story = Some.Item("PAY-2", parent: "PAY-1");

        var result = Some.AlignOne(story, epic);

        Assert.Equal(Classification.Aligned, result.Classification);
        Assert.Equal(["i3"], result.InitiativeIds);
    }

    [Fact]
    public void GrandchildUnderUnmatchedParent_InheritsFromNearestMatchingAncestor()
    {
        var epic = Some.Item("PAY-1", labels: ["billing"]);
        var story = Some.Item("PAY-2", parent: "PAY-1");
        var subtask = Some.Item("PAY-3", parent: "PAY-2");

        var result = Some.AlignOne(subtask, story, epic);

        Assert.Equal(["i3"], result.InitiativeIds);
    }

    [Fact]
    public void ChildWithItsOwnMatch_DoesNotInheritItsParents()
    {
        var epic = Some.Item("PAY-1", labels: ["billing"]);
        var story = Some.Item("PAY-2", labels: ["perf"], parent: "PAY-1");

        var result = Some.AlignOne(story, epic);

        Assert.Equal(["i4"], result.InitiativeIds);
    }

    [Fact]
    public void ParentsRule_MatchesTheListedItemAndEverythingBeneathIt()
    {
        var epic = Some.Item("ONB-1");
        var story = Some.Item("ONB-2", labels: ["perf"], parent: "ONB-1");
        var subtask = Some.Item("ONB-3", parent: "ONB-2");

        var result = Some.Align(epic, story, subtask);

        Assert.Equal(["i1"], result[0].InitiativeIds);
        Assert.Equal(["i1", "i4"], result[1].InitiativeIds);
        Assert.Equal(["i1"], result[2].InitiativeIds); // the subtree rule is a direct match, so nothing is inherited
    }

    [Fact]
    public void ParentMissingFromTheData_StillCountsAsALinkForTheParentsRule()
    {
        var story = Some.Item("ONB-2", parent: "ONB-1");
        var subtask = Some.Item("ONB-3", parent: "ONB-2");

        var result = Some.Align(story, subtask);

        Assert.All(result, a => Assert.Equal(["i1"], a.InitiativeIds));
    }

    [Fact]
    public void MissingParent_IsTolerated()
    {
        var result = Some.AlignOne(Some.Item("PAY-9", parent: "GONE-1"));

        Assert.Equal(Classification.Orphaned, result.Classification);
    }

    [Fact]
    public void ParentCycle_IsCutAndEveryItemIsClassified()
    {
        var a = Some.Item("X-1", parent: "X-3");
        var b = Some.Item("X-2", parent: "X-1", labels: ["billing"]);
        var c = Some.Item("X-3", parent: "X-2");

        var result = Some.Align(a, b, c);

        Assert.Equal(3, result.Count);
        Assert.Equal(["i3"], result[1].InitiativeIds);
        Assert.Equal(["i3"], result[2].InitiativeIds);
    }

    [Fact]
    public void ItemThatIsItsOwnParent_IsClassifiedOnItsOwn()
    {
        var result = Some.AlignOne(Some.Item("X-1", parent: "X-1", labels: ["perf"]));

        Assert.Equal(["i4"], result.InitiativeIds);
    }

    [Fact]
    public void DeepChain_IsWalkedWithoutRecursionLimits()
    {
        var items = Enumerable.Range(1, 50_000)
            .Select(n => Some.Item($"D-{n}", parent: n == 1 ? null : $"D-{n - 1}", labels: n == 1 ? ["perf"] : null))
            .Reverse()
            .ToArray();

        var result = Some.Align(items);

        Assert.All(result, a => Assert.Equal(["i4"], a.InitiativeIds));
    }

    [Fact]
    public void ParentKeysCompare_CaseInsensitively()
    {
        var epic = Some.Item("Acme/Web#10", labels: ["billing"]);
        var child = Some.Item("acme/web#11", parent: "acme/web#10");

        var result = Some.AlignOne(child, epic);

        Assert.Equal(["i3"], result.InitiativeIds);
    }
}
