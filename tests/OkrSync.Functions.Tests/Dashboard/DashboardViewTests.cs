using OkrSync.Core.Metrics;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Fakes;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Functions.Tests.Dashboard;

/// <summary>The pages' data, computed from a real report over hand-made items.</summary>
public sealed class DashboardViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OrphanList_PagesAHundredAtATime_GroupedByContainerAndAssignee_OldestFirst()
    {
        var items = Enumerable.Range(0, 250).Select(n => Item($"acme/{(n % 2 == 0 ? "web" : "api")}#{n}", assignee: n % 5 == 0 ? null : $"dev{n % 3}", created: Now.AddDays(-n))).ToList();
        var report = Build(items);

        var first = OrphanListView.Build(Orphans(report), Now, new OrphanFilterJson(null, null, null), 1);
        var last = OrphanListView.Build(Orphans(report), Now, new OrphanFilterJson(null, null, null), 3);
        var beyond = OrphanListView.Build(Orphans(report), Now, new OrphanFilterJson(null, null, null), 9);

        Assert.Equal((250, 3, 100, 50), (first.Total, first.Pages, first.Items.Count, last.Items.Count));
        Assert.Equal(3, beyond.Page);
        Assert.Equal("acme/api", first.Items[0].Container);
        var dev0 = first.Items.Where(i => i.Container == "acme/api" && i.Assignee == "dev0").ToList();
        Assert.Equal(dev0.OrderBy(i => i.Created).Select(i => i.Key), dev0.Select(i => i.Key));
        Assert.Equal(250, first.Items.Concat(OrphanListView.Build(Orphans(report), Now, new OrphanFilterJson(null, null, null), 2).Items).Concat(last.Items).Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void OrphanList_FiltersByContainerAssigneeUnassignedAndText()
    {
        var report = Build([
            Item("acme/web#1", "ana", title: "Fix login"), Item("acme/web#2", "ben"), Item("acme/api#3", "ana"), Item("acme/api#4", null, title: "Login rate limit"),
            Item("acme/api#5", "ana", labels: ["onboarding"]), Item("acme/api#6", "ana", state: StateCategory.Done),
        ]);

        string[] Keys(OrphanFilterJson filter) => [.. OrphanListView.Build(Orphans(report), Now, filter, 1).Items.Select(i => i.Key)];

        Assert.Equal(["acme/api#3", "acme/web#1"], Keys(new(null, "ana", null)));
        Assert.Equal(["acme/web#1", "acme/web#2"], Keys(new("acme/web", null, null)));
        Assert.Equal(["acme/api#4"], Keys(new(null, OrphanListView.Unassigned, null)));
        Assert.Equal(["acme/api#4", "acme/web#1"], Keys(new(null, null, "login")));
        Assert.Equal(["ana", "ben", OrphanListView.Unassigned], OrphanListView.Build(Orphans(report), Now, new(null, null, null), 1).Assignees.Select(a => a.Value));
    }

    [Fact]
    public void EffortFlow_IsTheReportsInvestment_ByContainer_InStoryPointsWhenEveryItemHasThem()
    {
        var report = Build([
            Item("acme/web#1", "ana", labels: ["onboarding"], state: StateCategory.InProgress, estimate: 3), Item("acme/web#2", "ana", labels: ["bug"], state: StateCategory.InProgress, estimate: 1),
            Item("acme/web#3", "ana", state: StateCategory.Done, estimate: 2), Item("acme/api#4", "ana", labels: ["dach"], state: StateCategory.InProgress, estimate: 5),
            Item("acme/api#5", "ana", labels: ["onboarding"]), Item("acme/api#6", "ana", state: StateCategory.Cancelled, estimate: 8),
        ]);
        var document = report.ToDocument();

        var effort = EffortFlows.FromInvestment(document, report);
        var flow = EffortFlows.ToJson(effort, document);

        Assert.Equal("points", document.Investment!.Unit);
        Assert.Equal(("points", 11.0, 4), (effort.Basis, effort.Total, effort.Items));
        Assert.Equal((3.0, 1.0, 2.0, 5.0), (effort.Of("self-serve"), effort.Of(EffortFlows.Operational), effort.Of(EffortFlows.Orphaned), effort.Of(EffortFlows.Contradicting)));
        Assert.Equal(document.Investment.Bets["self-serve"].Actual!.Value, effort.Share("self-serve"), 4);
        Assert.Equal("points", flow.Basis);
        Assert.Equal(["acme/web", "acme/api"], flow.Sources.Select(s => s.Id));
        Assert.Equal(["self-serve", EffortFlows.Operational, EffortFlows.Contradicting, EffortFlows.Orphaned], flow.Targets.Select(t => t.Id));
        Assert.Equal(flow.Total, flow.Bands.Sum(b => b.Value));
    }

    [Fact]
    public void EffortFlow_CountsItems_WhenAnItemHasNoStoryPoints_AndFallsBackToTheLiveReportForAnOldStoredOne()
    {
        var report = Build([Item("acme/web#1", "ana", labels: ["onboarding"], state: StateCategory.InProgress, estimate: 3), Item("acme/web#2", "ana", state: StateCategory.InProgress)]);
        var old = report.ToDocument() with { Investment = null };

        var effort = EffortFlows.FromInvestment(old, report);
        var none = EffortFlows.FromInvestment(old, null);

        Assert.Equal(("items", 2.0, 0.5), (effort.Basis, effort.Total, effort.Share("self-serve")));
        Assert.Equal(("items", 0.0, 0.0), (none.Basis, none.Total, none.Share("self-serve")));
    }

    [Fact]
    public void StrategyView_FlagsNodesFromFindings_ListsContradictingWork_AndDrawsPositionAndShares()
    {
        var report = Build([Item("acme/api#4", "ana", labels: ["dach"])]).ToDocument();
        var inputs = new DashboardInputs(new Dictionary<string, BetSignalsJson> { ["self-serve"] = new("flat", 0.4) { PositionRatio = 0.05 } }, new Dictionary<string, IReadOnlyList<CheckInJson>>());

        var page = StrategyView.Build(report, new EffortMatrix("points", Now, Now, new Dictionary<(string, string), double> { [("acme/api", "self-serve")] = 3, [("acme/api", "orphaned")] = 1 }), inputs);
        var bet = Assert.Single(page.Bets);

        Assert.Contains("unbacked-kr", Assert.Single(bet.KeyResults).Flags);
        Assert.Contains("idle-bet", bet.Flags);
        Assert.Equal(["acme/api#4"], Assert.Single(bet.NotDoing).Contradicting.Select(w => w.Key));
        Assert.Equal((0.4, 0.75, 3.0, "points"), (bet.Investment.Declared!.Value, bet.Investment.Actual, bet.Investment.Items, bet.Investment.Basis));
        Assert.Equal(("flat", 0.05), (bet.Signals!.Position, bet.Signals.PositionRatio!.Value));
    }

    [Fact]
    public void StrategyView_DrawsPositionFlatAllocationDriftAndOutcomeUnmeasured_OnTheirNodes()
    {
        var document = Build([Item("acme/web#1", "ana", labels: ["onboarding"])]).ToDocument();
        document = document with
        {
            Findings = [
                .. document.Findings,
                new FindingJson("green-krs-flat-position", "self-serve", "position flat", "self-serve", null),
                new FindingJson("allocation-drift", "self-serve", "drift", "self-serve", null),
                new FindingJson("outcome-unmeasured", "activation", "stale", "self-serve", null),
            ],
        };

        var page = StrategyView.Build(document, EffortFlows.FromInvestment(document, null), ReportDashboardInputs.Build(document, new Dictionary<string, IReadOnlyList<CheckInJson>>(), 0.25));
        var bet = Assert.Single(page.Bets);

        Assert.Contains("green-krs-flat-position", bet.Flags);
        Assert.Contains("allocation-drift", bet.Flags);
        Assert.Contains("outcome-unmeasured", bet.KeyResults.Single(k => k.Id == "activation").Flags);
        Assert.Equal("flat", bet.Signals!.Position);
    }

    [Fact]
    public async Task DashboardInputs_ReadTheBetsPositionAndAllocation_AndEveryMetricsCheckIns_FromTheLog()
    {
        var document = Build([]).ToDocument();
        var signal = new PositionSignalJson("signups", "Weekly self-serve sign-ups", new PositionMetricJson("signups", 100, 300, 140), 0.2);
        document = document with { Bets = [document.Bets[0] with { Position = [signal], PositionRatio = 0.2, Allocation = new AllocationJson(0.5, 0.25, 1) }] };
        var store = new InMemoryWorkStore();
        var checkIns = new[]
        {
            new CheckIn("activation", 31, Now.AddDays(-2)) { By = "vp-growth", Note = "after the pricing change", Confidence = Confidence.AtRisk },
            new CheckIn("activation", 28, Now.AddDays(-9)) { By = "vp-growth" },
            new CheckIn("signups", 140, Now.AddDays(-1)) { Source = "http http://127.0.0.1/m#/v" },
        };
        foreach (var checkIn in checkIns)
        {
            Assert.True(await store.AppendCheckInAsync(checkIn));
        }

        var inputs = await new ReportDashboardInputs(store).ReadAsync(document, null);

        var bet = inputs.SignalsOf("self-serve")!;
        Assert.Equal(("moving", 0.2, 0.5), (bet.Position, bet.PositionRatio!.Value, bet.DeclaredShare!.Value));
        Assert.Equal([28.0, 31.0], inputs.CheckInsOf("activation").Select(c => c.Value));
        Assert.Equal(("vp-growth", "after the pricing change", "at-risk", "check-in"), (inputs.CheckInsOf("activation")[1].By, inputs.CheckInsOf("activation")[1].Note, inputs.CheckInsOf("activation")[1].Confidence, inputs.CheckInsOf("activation")[1].Source));
        var position = Assert.Single(bet.Signals);
        Assert.Equal(("signups", "http http://127.0.0.1/m#/v"), (position.Id, Assert.Single(position.CheckIns).Source));
        Assert.Equal("flat", ReportDashboardInputs.Build(document, new Dictionary<string, IReadOnlyList<CheckInJson>>(), 0.25).SignalsOf("self-serve")!.Position);
    }

    [Fact]
    public void KeyResultView_TakesItsWeeksFromTheSnapshots_AndItsOpenWorkFromTheItems()
    {
        var items = Build([Item("acme/web#1", "ana", labels: ["onboarding"]), Item("acme/web#2", "ana", labels: ["onboarding"], state: StateCategory.Done), Item("acme/web#3", "ana")]);
        var document = items.ToDocument();
        var earlier = WeeklySnapshot.From(document with { AsOf = Now.AddDays(-7) });
        var checkIn = new CheckInJson(Now.AddDays(-3), 30, "vp-growth", "after the pricing change");
        var inputs = new DashboardInputs(new Dictionary<string, BetSignalsJson>(), new Dictionary<string, IReadOnlyList<CheckInJson>> { ["activation"] = [checkIn] });

        var page = KeyResultView.Build("activation", document, items.Items, [WeeklySnapshot.From(document), earlier], inputs)!;

        Assert.Equal([earlier.IsoWeek, WeeklySnapshot.IsoWeekOf(Now)], page.Weeks.Select(w => w.IsoWeek));
        Assert.Equal(["acme/web#1"], Assert.Single(page.Initiatives).OpenWork.Select(w => w.Key));
        Assert.Equal([checkIn], page.CheckIns);
        Assert.Null(KeyResultView.Build("no-such-kr", document, items.Items, [], inputs));
    }

    // As the page reads them: from the stored report's work items (every orphaned and contradicting one).
    private static OrphanList Orphans(Report report) => OrphanList.Of(OkrSync.Pipeline.ReportPublisher.ToStoredDocument(report).WorkItems);

    private static Report Build(IEnumerable<WorkItem> items) =>
        ReportBuilder.Build(StrategyLoader.Load(AppStrategy.Yaml, "strategy.yaml").Strategy!, items, Now);

    private static WorkItem Item(string key, string? assignee, string title = "Work", IReadOnlyList<string>? labels = null, StateCategory state = StateCategory.Todo, DateTimeOffset? created = null, DateTimeOffset? updated = null, double? estimate = null) => new()
    {
        Source = SourceKind.GitHub,
        Key = key,
        Container = key[..key.IndexOf('#', StringComparison.Ordinal)],
        Title = title,
        Url = $"https://github.com/{key.Replace("#", "/issues/", StringComparison.Ordinal)}",
        State = state,
        Labels = labels ?? [],
        Assignee = assignee,
        Created = created ?? Now.AddDays(-10),
        Updated = updated ?? Now.AddDays(-1),
        Closed = state == StateCategory.Done ? Now.AddDays(-1) : null,
        Estimate = estimate,
    };
}
