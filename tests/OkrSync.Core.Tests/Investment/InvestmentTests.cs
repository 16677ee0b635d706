using OkrSync.Core.Alignment;
using OkrSync.Core.Investment;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Investment;

/// <summary>
/// Effort over the trailing window: work done in the window or in progress at its end, weighted by points when every
/// item counted has them, else by count; split between bets; cancelled work counts nothing.
/// </summary>
public class InvestmentTests
{
    private static readonly DateTimeOffset AsOf = Some.Now;
    private static readonly DateTimeOffset WindowStart = AsOf.AddDays(-28);

    private static WorkItem Done(string key, DateTimeOffset closed, string[]? labels = null, double? points = null, string? assignee = null) =>
        Some.Item(key, StateCategory.Done, labels, estimate: points, assignee: assignee) with { Closed = closed, Updated = closed };

    private static InvestmentBalance Balance(params WorkItem[] items) => Balance(Some.StandardYaml, items);

    private static InvestmentBalance Balance(string yaml, params WorkItem[] items)
    {
        var index = new StrategyIndex(Some.Strategy(yaml));
        return InvestmentCalculator.Compute(index, Aligner.Align(index, items), AsOf, 28);
    }

    [Fact]
    public void Window_IsTheTwentyEightDaysEndingAtTheAsOf()
    {
        var balance = Balance();

        Assert.Equal((28, WindowStart, AsOf), (balance.WindowDays, balance.From, balance.To));
        Assert.Equal(0, balance.Total);
        Assert.Null(balance.Overall.Share(0));
    }

    [Fact]
    public void ItemDoneOneSecondBeforeTheWindow_CountsNothing_OneDoneAtItsStartCounts()
    {
        var before = Done("ONB-1", WindowStart.AddSeconds(-1), ["onboarding"]);
        var atStart = Done("ONB-2", WindowStart, ["onboarding"]);
        var atEnd = Done("ONB-3", AsOf, ["onboarding"]);
        var afterAsOf = Done("ONB-4", AsOf.AddSeconds(1), ["onboarding"]);

        var balance = Balance(before, atStart, atEnd, afterAsOf);

        Assert.Equal(2, balance.Items);
        Assert.Equal(2, balance.Overall.Bets[0]);
        Assert.False(InvestmentCalculator.WorkedIn(before, WindowStart, AsOf));
        Assert.True(InvestmentCalculator.WorkedIn(atStart, WindowStart, AsOf));
    }

    [Fact]
    public void DoneWithoutAClosingTime_UsesItsLastUpdate()
    {
        var inside = Some.Item("ONB-1", StateCategory.Done, ["onboarding"], updated: AsOf.AddDays(-3));
        var outside = Some.Item("ONB-2", StateCategory.Done, ["onboarding"], updated: AsOf.AddDays(-40));

        Assert.Equal(1, Balance(inside, outside).Items);
    }

    [Fact]
    public void InProgressAtTheEnd_Counts_TodoAndCancelledCountNothing()
    {
        var started = Some.Item("ONB-1", StateCategory.InProgress, ["onboarding"], updated: AsOf.AddDays(-90)) with { Created = AsOf.AddDays(-100) };
        var todo = Some.Item("ONB-2", StateCategory.Todo, ["onboarding"]);
        var cancelled = Some.Item("ONB-3", StateCategory.Cancelled, ["onboarding"], estimate: 8) with { Closed = AsOf.AddDays(-1) };
        var createdAfterAsOf = Some.Item("ONB-4", StateCategory.InProgress, ["onboarding"]) with { Created = AsOf.AddHours(1) };

        var balance = Balance(started, todo, cancelled, createdAfterAsOf);

        Assert.Equal(1, balance.Items);
        Assert.Equal(1, balance.Total);
    }

    [Fact]
    public void EveryItemWithPoints_WeighsInPoints()
    {
        var balance = Balance(
            Done("ONB-1", AsOf.AddDays(-1), ["onboarding"], points: 5),
            Done("ONB-2", AsOf.AddDays(-1), ["perf"], points: 3),
            Done("ONB-3", AsOf.AddDays(-1), ["bug"], points: 2));

        Assert.Equal(EffortUnits.Points, balance.Unit);
        Assert.Equal(10, balance.Total);
        Assert.Equal([5.0, 3.0], balance.Overall.Bets);
        Assert.Equal(2, balance.Overall.Operational);
        Assert.Equal(0.5, balance.Overall.Share(balance.Overall.Bets[0]));
        Assert.Equal((3, 3), (balance.Items, balance.Estimated));
    }

    [Fact]
    public void NoItemWithPoints_WeighsByCount()
    {
        var balance = Balance(
            Done("acme/web#1", AsOf.AddDays(-1), ["onboarding"]),
            Done("acme/web#2", AsOf.AddDays(-1), ["onboarding"]),
            Done("acme/web#3", AsOf.AddDays(-1), ["dark-mode"]));

        Assert.Equal(EffortUnits.Items, balance.Unit);
        Assert.Equal(3, balance.Total);
        Assert.Equal(2, balance.Overall.Bets[0]);
        Assert.Equal(1, balance.Overall.Orphaned);
    }

    [Fact]
    public void MixedSource_SomeItemsWithoutPoints_WeighsEveryItemByCount()
    {
        // A Jira project with story points on its stories but not on its bugs, beside a GitHub repository without points.
        var balance = Balance(
            Done("ONB-1", AsOf.AddDays(-1), ["onboarding"], points: 13),
            Done("ONB-2", AsOf.AddDays(-1), ["bug"]),
            Done("acme/web#1", AsOf.AddDays(-1), ["perf"]));

        Assert.Equal(EffortUnits.Items, balance.Unit);
        Assert.Equal((3, 1), (balance.Items, balance.Estimated));
        Assert.Equal(3, balance.Total);
        Assert.Equal([1.0, 1.0], balance.Overall.Bets);
        Assert.Equal(1, balance.Overall.Operational);
    }

    [Fact]
    public void ItemUnderTwoBets_SplitsItsWeightEqually()
    {
        var both = Done("ONB-1", AsOf.AddDays(-1), ["onboarding", "perf"], points: 8);

        var balance = Balance(both);

        Assert.Equal([4.0, 4.0], balance.Overall.Bets);
        Assert.Equal(8, balance.Total);
    }

    [Fact]
    public void ItemUnderTwoInitiativesOfOneBet_CountsOnceForIt()
    {
        var balance = Balance(Done("ONB-1", AsOf.AddDays(-1), ["onboarding", "billing"], points: 8));

        Assert.Equal([8.0, 0.0], balance.Overall.Bets);
    }

    [Fact]
    public void ContradictingWork_CountsAsContradictingOnly()
    {
        var balance = Balance(Done("ONB-1", AsOf.AddDays(-1), ["onboarding", "dach"]), Done("ONB-2", AsOf.AddDays(-1), ["onboarding"]));

        Assert.Equal(1, balance.Overall.Contradicting);
        Assert.Equal([1.0, 0.0], balance.Overall.Bets);
    }

    [Fact]
    public void Breakdowns_ArePerContainerAndAssignee_LargestFirst_UnassignedNamedNull()
    {
        var balance = Balance(
            Done("ONB-1", AsOf.AddDays(-1), ["onboarding"], assignee: "ann"),
            Done("ONB-2", AsOf.AddDays(-1), ["bug"], assignee: "ann"),
            Done("acme/web#1", AsOf.AddDays(-1), ["perf"], assignee: "bob"),
            Done("acme/web#2", AsOf.AddDays(-1), ["perf"]),
            Done("acme/web#3", AsOf.AddDays(-1), ["dark-mode"]));

        Assert.Equal(["acme/web", "ONB"], balance.ByContainer.Select(c => c.Name));
        var web = balance.ByContainer[0];
        Assert.Equal((3.0, 2.0, 1.0), (web.Total, web.Bets[1], web.Orphaned));
        Assert.Equal(["ann", null, "bob"], balance.ByAssignee.Select(a => a.Name));
        Assert.Equal((2.0, 1.0, 1.0), (balance.ByAssignee[0].Total, balance.ByAssignee[0].Bets[0], balance.ByAssignee[0].Operational));
        Assert.Equal(2, balance.ByAssignee[1].Total);
    }

    [Fact]
    public void WithoutAnyDeclaredAllocation_TheBalanceIsStillReported()
    {
        var report = Some.Report(Done("ONB-1", AsOf.AddDays(-1), ["onboarding"]), Done("ONB-2", AsOf.AddDays(-1), ["bug"]));

        var investment = report.ToDocument().Investment!;

        Assert.Equal(2, investment.Total);
        Assert.Equal("items", investment.Unit);
        Assert.Equal(new AllocationJson(null, 0.5, 1), investment.Bets["b1"]);
        Assert.Equal(new AllocationJson(null, 0, 0), investment.Bets["b2"]);
        Assert.Equal(new AllocationJson(null, 0.5, 1), investment.Operational);
        Assert.DoesNotContain(report.Findings, f => f.Kind == "allocation-drift");
    }

    [Fact]
    public void WindowDays_ComeFromTheThresholds()
    {
        var yaml = Some.StandardYaml.Replace("bets:", "thresholds: { investment-window-days: 7 }\nbets:", StringComparison.Ordinal);
        var report = ReportBuilder.Build(Some.Strategy(yaml), [Done("ONB-1", AsOf.AddDays(-6), ["onboarding"]), Done("ONB-2", AsOf.AddDays(-8), ["onboarding"])], AsOf);

        Assert.Equal((7, 1), (report.Investment!.WindowDays, report.Investment.Items));
    }
}
