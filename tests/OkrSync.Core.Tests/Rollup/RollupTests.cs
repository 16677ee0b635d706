using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Rollup;

public class RollupTests
{
    [Fact]
    public void CancelledWork_CountsAsNeitherDoneNorPlanned()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", StateCategory.Done, labels: ["billing"]),
            Some.Item("acme/web#2", StateCategory.Cancelled, labels: ["billing"]),
            Some.Item("acme/web#3", StateCategory.Todo, labels: ["billing"]));

        var kr2 = report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr2");
        var i3 = report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i3");

        Assert.Equal(2, kr2.Output.Planned);
        Assert.Equal(1, kr2.Output.Done);
        Assert.Equal(0.5, kr2.Output.Ratio);
        Assert.Equal(1, i3.Counts.Cancelled);
        Assert.Equal(0.5, i3.Ratio);
    }

    [Fact]
    public void ItemInTwoInitiativesOfOneKr_CountsInEachInitiativeButOnceInTheKr()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["onboarding", "wizard"]));

        var kr1 = report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr1");

        Assert.All(kr1.Initiatives, i => Assert.Equal(1, i.Counts.Done));
        Assert.Equal(1, kr1.Output.Planned);
        Assert.Equal(1, kr1.Output.Done);
    }

    [Fact]
    public void ItemInTwoKrsOfOneBet_CountsInEachKrButOnceInTheBet()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.InProgress, labels: ["onboarding", "billing"]));

        var bet = report.Rollup.Bets.Single(b => b.Bet.Id == "b1");

        Assert.All(bet.KeyResults, k => Assert.Equal(1, k.Output.Planned));
        Assert.Equal(1, bet.Output.Planned);
        Assert.Equal(0, bet.Output.Done);
        Assert.Equal(1, bet.Output.Open);
    }

    [Fact]
    public void InitiativeRollup_CountsEachStateAndPoints()
    {
        var report = Some.Report(
            Some.Item("PAY-1", StateCategory.Todo, labels: ["billing"], estimate: 3),
            Some.Item("PAY-2", StateCategory.InProgress, labels: ["billing"], estimate: 5),
            Some.Item("PAY-3", StateCategory.Done, labels: ["billing"], estimate: 8),
            Some.Item("PAY-4", StateCategory.Done, labels: ["billing"]),
            Some.Item("PAY-5", StateCategory.Cancelled, labels: ["billing"], estimate: 13));

        var i3 = report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i3");

        Assert.Equal((1, 1, 2, 1), ((int)i3.Counts.Todo, (int)i3.Counts.InProgress, (int)i3.Counts.Done, (int)i3.Counts.Cancelled));
        Assert.Equal(0.5, i3.Ratio);
        Assert.Equal(8.0 / 16, i3.PointsRatio);
        Assert.Equal(13, i3.Points.Cancelled);
    }

    [Fact]
    public void InitiativeWithoutEstimates_HasNoPointsRatio()
    {
        var report = Some.Report(Some.Item("PAY-1", StateCategory.Done, labels: ["billing"]));

        Assert.Null(report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i3").PointsRatio);
    }

    [Fact]
    public void LastActivity_IsTheLatestUpdateUnderTheInitiative()
    {
        var latest = Some.Now.AddDays(-2);
        var report = Some.Report(
            Some.Item("PAY-1", labels: ["billing"], updated: Some.Now.AddDays(-9)),
            Some.Item("PAY-2", labels: ["billing"], updated: latest));

        Assert.Equal(latest, report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i3").LastActivity);
        Assert.Null(report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i4").LastActivity);
    }

    [Fact]
    public void Outcome_IsProgressFromBaselineTowardsTarget_AlsoWhenTheMetricShouldFall()
    {
        var report = Some.Report();

        var kr1 = report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr1");
        var kr3 = report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr3");

        Assert.Equal(0.1, kr1.Outcome.Ratio!.Value, 10);
        Assert.Equal(0.5, kr3.Outcome.Ratio!.Value, 10);
    }

    [Fact]
    public void BetOutcome_IsTheMeanOfItsKeyResultOutcomes()
    {
        var report = Some.Report();

        var b1 = report.Rollup.Bets.Single(b => b.Bet.Id == "b1");

        Assert.Equal((0.1 + 0.9) / 2, b1.OutcomeRatio!.Value, 10);
    }

    [Fact]
    public void ContradictingItem_StillCountsInTheInitiativesItMatches()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["billing", "dach"]));

        var i3 = report.Rollup.Initiatives.Single(i => i.Initiative.Id == "i3");

        Assert.Equal(1, i3.Counts.Done);
        Assert.Equal(1, report.Summary.Contradicting);
    }

    [Fact]
    public void InheritedWork_RollsUpToTheInheritedInitiative()
    {
        var report = Some.Report(
            Some.Item("PAY-1", StateCategory.InProgress, labels: ["billing"]),
            Some.Item("PAY-2", StateCategory.Done, parent: "PAY-1"),
            Some.Item("PAY-3", StateCategory.Done, parent: "PAY-2"));

        var kr2 = report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr2");

        Assert.Equal(3, kr2.Output.Planned);
        Assert.Equal(2, kr2.Output.Done);
    }
}
