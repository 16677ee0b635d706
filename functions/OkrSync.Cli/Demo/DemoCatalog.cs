namespace OkrSync.Cli.Demo;

/// <summary>
/// The demo company's work: Acme Cloud, three repositories and four Jira projects. It is shaped to show every
/// finding: orphans, operational work, a contradiction, a false green (time-to-value), a stale initiative
/// (edge-cdn) and an idle bet (partners). Deterministic: the same seed gives the same items.
/// </summary>
internal sealed class DemoCatalog
{
    private static readonly string[] People = ["mara.k", "dev.osei", "li.wen", "sam.ortiz", "priya.n", "jonas.b", "ana.lima", "tom.hale"];
    private readonly Random random = new(2026);
    private readonly List<DemoItem> items = [];

    public static IReadOnlyList<DemoItem> Build()
    {
        var catalog = new DemoCatalog();
        catalog.AddStrategicWork();
        catalog.AddOperationalWork();
        catalog.AddOrphansAndContradictions();
        return catalog.Number();
    }

    private void AddStrategicWork()
    {
        Add(new DemoItem("ONB", "Onboarding v2", DemoState.InProgress) { Type = "Epic", AgeDays = 120, IdleDays = 1 });
        Many("ONB", DemoTitles.Onboarding, done: 8, inProgress: 4, x => x with { Parent = "ONB-1", Points = Points() });
        Many("acme/web", DemoTitles.OnboardingWeb, done: 2, inProgress: 1, x => x with { Milestone = "Onboarding v2" });
        Many("acme/web", DemoTitles.SetupWizard, done: 3, inProgress: 2, x => x with { Labels = ["setup-wizard"] });
        Many("acme/web", DemoTitles.Templates, done: 13, inProgress: 0, x => x with { Labels = ["templates"], IdleDays = 6 });
        Many("acme/api", DemoTitles.SampleData, done: 7, inProgress: 1, x => x with { Labels = ["sample-data"], IdleDays = 5 });
        Many("BILL", DemoTitles.Billing, done: 7, inProgress: 3, x => x with { Component = "Checkout", Points = Points() });
        Many("acme/web", DemoTitles.Pricing, done: 3, inProgress: 1, x => x with { Labels = ["pricing"] });
        Add(new DemoItem("acme/infra", "Multi-region: tracking issue", DemoState.InProgress) { Milestone = "Multi-region", AgeDays = 90, IdleDays = 1 });
        Many("acme/infra", DemoTitles.MultiRegion, done: 6, inProgress: 3, x => x with { Parent = "acme/infra#1" }); // sub-issues inherit
        Many("acme/infra", DemoTitles.Runbooks, done: 3, inProgress: 2, x => x with { Labels = ["runbooks"] });
        Add(new DemoItem("SEC", "SOC 2 Type II", DemoState.InProgress) { Type = "Epic", AgeDays = 200, IdleDays = 1 });
        Many("SEC", DemoTitles.Soc2, done: 12, inProgress: 4, x => x with { Parent = "SEC-1", Points = Points() });
        Many("acme/api", DemoTitles.AuditLog, done: 4, inProgress: 2, x => x with { Labels = ["audit-log"] });
        Many("acme/api", DemoTitles.QueryCache, done: 4, inProgress: 3, x => x with { Labels = ["query-cache"] });
        Many("acme/infra", DemoTitles.Cdn, done: 1, inProgress: 1, x => x with { Labels = ["cdn"], IdleDays = 31 + random.Next(10) });
        Many("acme/api", DemoTitles.ApiV2, done: 8, inProgress: 0, x => x with { Labels = ["api-v2"], IdleDays = 40 + random.Next(20), AgeDays = 150 });
        Many("acme/web", DemoTitles.OnboardingPullRequests, done: 4, inProgress: 0, x => x with { Labels = ["onboarding"], PullRequest = true });
        Add(new DemoItem("acme/infra", "Cancelled: second region in ap-southeast", DemoState.WontDo) { Milestone = "Multi-region" });
    }

    private void AddOperationalWork()
    {
        Many("acme/web", DemoTitles.WebBugs, done: 9, inProgress: 2, x => x with { Labels = ["bug"] });
        Many("acme/api", DemoTitles.ApiBugs, done: 7, inProgress: 2, x => x with { Labels = ["bug"] });
        Many("acme/infra", DemoTitles.Chores, done: 6, inProgress: 1, x => x with { Labels = ["chore"] });
        Many("acme/web", DemoTitles.DependencyBumps, done: 8, inProgress: 0, x => x with { Labels = ["dependencies"], PullRequest = true, Assignee = "dependabot[bot]" });
        foreach (var incident in DemoTitles.Incidents)
        {
            var parent = Add(new DemoItem("OPS", incident, DemoState.Done) { Type = "Incident", AgeDays = 10 + random.Next(60) });
            Many("OPS", ["Write post-incident review", "Add alert for the failure mode"], done: 1, inProgress: 0, x => x with { Type = "Sub-task", Parent = $"OPS-{parent}" });
        }
        Many("OPS", DemoTitles.SupportRequests, done: 4, inProgress: 1, x => x with { Type = "Support Request" });
    }

    private void AddOrphansAndContradictions()
    {
        Many("acme/web", DemoTitles.WebOrphans, done: 3, inProgress: 4, _ => _);
        Many("acme/api", DemoTitles.ApiOrphans, done: 2, inProgress: 3, _ => _);
        Many("ONB", DemoTitles.OnbOrphans, done: 1, inProgress: 2, x => x with { Points = Points() });
        Many("BILL", DemoTitles.BillOrphans, done: 1, inProgress: 2, _ => _);
        Many("acme/infra", DemoTitles.InfraOrphans, done: 1, inProgress: 1, x => x with { Assignee = null });
        Add(new DemoItem("BILL", "DACH enterprise pilot: German MSA and invoicing", DemoState.InProgress) { Labels = ["dach-sales"], Component = "Checkout" });
        Add(new DemoItem("acme/infra", "Helm chart for customer-hosted deployments", DemoState.Open) { Labels = ["on-prem"] });
        Add(new DemoItem("acme/infra", "On-prem installer spike", DemoState.WontDo) { Labels = ["on-prem"] });
    }

    /// <summary>Adds items with the first <paramref name="done"/> done, the next <paramref name="inProgress"/> in progress, the rest open.</summary>
    private void Many(string container, IReadOnlyList<string> titles, int done, int inProgress, Func<DemoItem, DemoItem> shape)
    {
        for (var i = 0; i < titles.Count; i++)
        {
            var state = i < done ? DemoState.Done : i < done + inProgress ? DemoState.InProgress : DemoState.Open;
            var item = new DemoItem(container, titles[i], state)
            {
                AgeDays = 20 + random.Next(100),
                IdleDays = state == DemoState.Done ? 3 + random.Next(25) : random.Next(9),
                Assignee = state == DemoState.Open && random.Next(4) == 0 ? null : People[random.Next(People.Length)],
            };
            Add(shape(item));
        }
    }

    private int Add(DemoItem item)
    {
        items.Add(item);
        return items.Count(i => i.Container == item.Container);
    }

    private double Points() => new[] { 1, 2, 3, 5, 8 }[random.Next(5)];

    private List<DemoItem> Number()
    {
        foreach (var group in items.GroupBy(i => i.Container))
        {
            var n = 0;
            foreach (var item in group)
            {
                item.Number = ++n;
                item.Key = item.IsJira ? $"{item.Container}-{n}" : $"{item.Container}#{n}";
            }
        }
        return items;
    }
}
