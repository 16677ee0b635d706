using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
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

        var first = OrphanListView.Build(report.Items, Now, new OrphanFilterJson(null, null, null), 1);
        var last = OrphanListView.Build(report.Items, Now, new OrphanFilterJson(null, null, null), 3);
        var beyond = OrphanListView.Build(report.Items, Now, new OrphanFilterJson(null, null, null), 9);

        Assert.Equal((250, 3, 100, 50), (first.Total, first.Pages, first.Items.Count, last.Items.Count));
        Assert.Equal(3, beyond.Page);
        Assert.Equal("acme/api", first.Items[0].Container);
        var dev0 = first.Items.Where(i => i.Container == "acme/api" && i.Assignee == "dev0").ToList();
        Assert.Equal(dev0.OrderBy(i => i.Created).Select(i => i.Key), dev0.Select(i => i.Key));
        Assert.Equal(250, first.Items.Concat(OrphanListView.Build(report.Items, Now, new OrphanFilterJson(null, null, null), 2).Items).Concat(last.Items).Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void OrphanList_FiltersByContainerAssigneeUnassignedAndText()
    {
        var report = Build([
            Item("acme/web#1", "ana", title: "Fix login"), Item("acme/web#2", "ben"), Item("acme/api#3", "ana"), Item("acme/api#4", null, title: "Login rate limit"),
            Item("acme/api#5", "ana", labels: ["onboarding"]), Item("acme/api#6", "ana", state: StateCategory.Done),
        ]);

        string[] Keys(OrphanFilterJson filter) => [.. OrphanListView.Build(report.Items, Now, filter, 1).Items.Select(i => i.Key)];

        Assert.Equal(["acme/api#3", "acme/web#1"], Keys(new(null, "ana", null)));
        Assert.Equal(["acme/web#1", "acme/web#2"], Keys(new("acme/web", null, null)));
        Assert.Equal(["acme/api#4"], Keys(new(null, OrphanListView.Unassigned, null)));
        Assert.Equal(["acme/api#4", "acme/web#1"], Keys(new(null, null, "login")));
        Assert.Equal(["ana", "ben", OrphanListView.Unassigned], OrphanListView.Build(report.Items, Now, new(null, null, null), 1).Assignees.Select(a => a.Value));
    }

    [Fact]
    public void EffortFlow_CountsTheWindowsWorkByContainerAndWhatItServes()
    {
        var report = Build([
            Item("acme/web#1", "ana", labels: ["onboarding"]), Item("acme/web#2", "ana", labels: ["bug"]), Item("acme/web#3", "ana"),
            Item("acme/api#4", "ana", labels: ["dach"]), Item("acme/api#5", "ana", labels: ["onboarding"], state: StateCategory.Done, updated: Now.AddDays(-60)),
            Item("acme/api#6", "ana", state: StateCategory.Cancelled),
        ]);
        var bets = new Dictionary<string, string> { [AppStrategy.Initiative] = "self-serve" };

        var effort = EffortFlows.FromItemCounts(report.Items, bets, Now);
        var flow = EffortFlows.ToJson(effort, report.ToDocument());

        Assert.Equal(4, effort.Total);
        Assert.Equal((1, 1, 1, 1), (effort.Of("self-serve"), effort.Of(EffortFlows.Operational), effort.Of(EffortFlows.Orphaned), effort.Of(EffortFlows.Contradicting)));
        Assert.Equal(EffortFlows.ItemCountBasis, flow.Basis);
        Assert.Equal(["acme/web", "acme/api"], flow.Sources.Select(s => s.Id));
        Assert.Equal(["self-serve", EffortFlows.Operational, EffortFlows.Contradicting, EffortFlows.Orphaned], flow.Targets.Select(t => t.Id));
        Assert.Equal(flow.Total, flow.Bands.Sum(b => b.Value));
    }

    [Fact]
    public void StrategyView_FlagsNodesFromFindings_ListsContradictingWork_AndDrawsIssue13SignalsWhenGiven()
    {
        var report = Build([Item("acme/api#4", "ana", labels: ["dach"])]).ToDocument();
        var inputs = new DashboardInputs(new Dictionary<string, BetSignalsJson> { ["self-serve"] = new("flat", 0.4) }, new Dictionary<string, IReadOnlyList<CheckInJson>>());

        var page = StrategyView.Build(report, new EffortMatrix("item-count", Now, Now, new Dictionary<(string, string), double> { [("acme/api", "self-serve")] = 3, [("acme/api", "orphaned")] = 1 }), inputs);
        var bet = Assert.Single(page.Bets);

        Assert.Contains("unbacked-kr", Assert.Single(bet.KeyResults).Flags);
        Assert.Contains("idle-bet", bet.Flags);
        Assert.Equal(["acme/api#4"], Assert.Single(bet.NotDoing).Contradicting.Select(w => w.Key));
        Assert.Equal((0.4, 0.75), (bet.Investment.Declared!.Value, bet.Investment.Actual));
        Assert.Equal("flat", bet.Signals!.Position);
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

    private static Report Build(IEnumerable<WorkItem> items) =>
        ReportBuilder.Build(StrategyLoader.Load(AppStrategy.Yaml, "strategy.yaml").Strategy!, items, Now);

    private static WorkItem Item(string key, string? assignee, string title = "Work", IReadOnlyList<string>? labels = null, StateCategory state = StateCategory.Todo, DateTimeOffset? created = null, DateTimeOffset? updated = null) => new()
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
    };
}
