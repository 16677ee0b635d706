using OkrSync.Core.Alignment;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Alignment;

public class ClassificationTests
{
    [Fact]
    public void MatchingLabel_AlignsToInitiative()
    {
        var result = Some.AlignOne(Some.Item("ONB-2", labels: ["onboarding"]));

        Assert.Equal(Classification.Aligned, result.Classification);
        Assert.Equal(["i1"], result.InitiativeIds);
    }

    [Fact]
    public void LabelWithOtherCase_StillMatches()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["OnBoarding"]));

        Assert.Equal(["i1"], result.InitiativeIds);
    }

    [Fact]
    public void ConventionLabel_MapsToItsInitiative()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["Initiative:I4"]));

        Assert.Equal(Classification.Aligned, result.Classification);
        Assert.Equal(["i4"], result.InitiativeIds);
    }

    [Fact]
    public void ConventionLabelWithCustomPrefix_MapsToItsInitiative()
    {
        var yaml = Some.StandardYaml.Replace("name: Test strategy", "name: Test strategy\nconventions:\n  initiative-label-prefix: \"okr/\"", StringComparison.Ordinal);
        var index = Some.Index(yaml);

        var result = Aligner.Align(index, [Some.Item("acme/web#1", labels: ["okr/i3"]), Some.Item("acme/web#2", labels: ["initiative:i3"])]);

        Assert.Equal(["i3"], result[0].InitiativeIds);
        Assert.Equal(Classification.Orphaned, result[1].Classification);
    }

    [Fact]
    public void MatchingMilestone_AlignsCaseInsensitively()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", milestone: "ONBOARDING V2"));

        Assert.Equal(["i1"], result.InitiativeIds);
    }

    [Fact]
    public void MatchingComponent_Aligns()
    {
        var result = Some.AlignOne(Some.Item("ONB-7", components: ["Payments", "onboarding"]));

        Assert.Equal(["i1"], result.InitiativeIds);
    }

    [Fact]
    public void NoMatchAtAll_IsOrphaned()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["refactor"]));

        Assert.Equal(Classification.Orphaned, result.Classification);
        Assert.Empty(result.InitiativeIds);
    }

    [Fact]
    public void OperationalLabel_IsOperational()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["BUG"]));

        Assert.Equal(Classification.Operational, result.Classification);
    }

    [Fact]
    public void SubtaskOfIncident_IsOperationalThroughItsParent()
    {
        var incident = Some.Item("OPS-1", type: "incident");
        var subtask = Some.Item("OPS-2", type: "Sub-task", parent: "OPS-1");

        var result = Some.AlignOne(subtask, incident);

        Assert.Equal(Classification.Operational, result.Classification);
    }

    [Fact]
    public void OperationalItemThatAlsoMatchesAnInitiative_IsAligned()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["bug", "onboarding"]));

        Assert.Equal(Classification.Aligned, result.Classification);
    }

    [Fact]
    public void NotDoingLabel_ContradictsAndWinsOverAlignment()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["onboarding", "DACH", "bug"]));

        Assert.Equal(Classification.Contradicting, result.Classification);
        Assert.Equal(["i1"], result.InitiativeIds);
        Assert.Equal(["nd1"], result.Contradicts.Select(n => n.Id));
        Assert.Equal(["b1"], result.ContradictedBets.Select(b => b.Id));
    }

    [Fact]
    public void ItemMatchingSeveralInitiatives_ListsThemAll()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", labels: ["perf", "wizard", "onboarding"]));

        Assert.Equal(["i1", "i2", "i4"], result.InitiativeIds);
    }

    [Fact]
    public void PullRequests_AreLeftOutByDefault()
    {
        var items = new[] { Some.Item("acme/web#1", labels: ["onboarding"]), Some.Item("acme/web#2", labels: ["onboarding"], pullRequest: true) };

        var byDefault = Aligner.Align(Some.Index(), items);
        var included = Aligner.Align(Some.Index(), items, new AlignmentOptions(IncludePullRequests: true));

        Assert.Equal(["acme/web#1"], byDefault.Select(a => a.Item.Key));
        Assert.Equal(2, included.Count);
    }

    [Fact]
    public void CancelledWork_IsStillClassified()
    {
        var result = Some.AlignOne(Some.Item("acme/web#1", StateCategory.Cancelled, labels: ["onboarding"]));

        Assert.Equal(Classification.Aligned, result.Classification);
    }
}
