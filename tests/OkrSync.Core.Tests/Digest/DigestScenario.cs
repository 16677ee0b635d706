using OkrSync.Core.Digest;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Digest;

/// <summary>A small company for digest tests: two bets with owners, their initiatives, findings, and orphaned items.</summary>
internal static class DigestScenario
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero); // Monday of 2026-W48

    public static ReportDocument Report(int openOrphaned = 4, int openNonOperational = 20, IReadOnlyList<FindingJson>? findings = null)
    {
        var output = new OutputJson(10, 9, 0.9);
        var activation = new KeyResultJson("activation", "self-serve", "Activation 22% to 40%", output, new OutcomeJson("%", 22, 40, 23, 0.05), ["onboarding-v2"]);
        var uptime = new KeyResultJson("uptime", "reliability", "Uptime 99.9%", new OutputJson(0, 0, 0), new OutcomeJson("%", 99, 99.9, 99.5, 0.5), ["multi-region"]);
        return new ReportDocument(
            "Acme Cloud 2026 H2",
            Now.AddHours(-1),
            new SummaryJson(40, 20, 16, openOrphaned, 1, openOrphaned, openNonOperational, (double)openOrphaned / openNonOperational),
            [
                new BetJson("self-serve", "Self-serve", "vp-growth@acme.example", output, new BetOutcomeJson(0.05), [], [activation]),
                new BetJson("reliability", "Reliability", "cto@acme.example", new OutputJson(0, 0, 0), new BetOutcomeJson(0.5), [], [uptime]),
            ],
            [activation, uptime],
            [
                Initiative("onboarding-v2", "activation", "self-serve", "onboarding-lead@acme.example"),
                Initiative("multi-region", "uptime", "reliability", "sre-lead@acme.example"),
            ],
            [],
            findings ?? Findings());
    }

    public static IReadOnlyList<FindingJson> Findings() =>
    [
        new(FindingKinds.ContradictsNotDoing, "BILL-9", "'DACH pilot' (in-progress) is work on 'Direct sales in DACH', which bet 'self-serve' chose not to do.", "self-serve", "https://acme.atlassian.net/browse/BILL-9"),
        new(FindingKinds.OutputsWithoutOutcome, "activation", "Key result 'Activation' has 90% of its work done but its outcome has moved only 5% of the way.", "self-serve", null),
        new(FindingKinds.UnbackedKeyResult, "uptime", "Key result 'Uptime 99.9%' has no open or done work behind it.", "reliability", null),
        new(FindingKinds.IdleBet, "reliability", "Bet 'Reliability' has no open work under it: nothing is moving it now.", "reliability", null),
        new(FindingKinds.StaleInitiative, "multi-region", "Initiative 'Multi-region' has no work mapped to it.", "reliability", null),
        new(FindingKinds.OrphanedWork, "acme/web#7", "Open work 'Dark mode' in acme/web serves no bet.", null, "https://github.com/acme/web/issues/7"),
    ];

    public static WorkItem Orphan(string key, int ageDays, string? assignee = null, string? email = null)
    {
        var jira = !key.Contains('#', StringComparison.Ordinal);
        var container = jira ? key[..key.IndexOf('-', StringComparison.Ordinal)] : key[..key.IndexOf('#', StringComparison.Ordinal)];
        return new WorkItem
        {
            Source = jira ? SourceKind.Jira : SourceKind.GitHub,
            Key = key,
            Container = container,
            Title = $"Work on {key}",
            Url = jira ? $"https://acme.atlassian.net/browse/{key}" : $"https://github.com/{container}/issues/{key[(key.IndexOf('#', StringComparison.Ordinal) + 1)..]}",
            State = StateCategory.Todo,
            Assignee = assignee,
            AssigneeEmail = email,
            Created = Now.AddDays(-ageDays),
            Updated = Now.AddDays(-1),
        };
    }

    public static WeeklySnapshot Snapshot(string isoWeek, int openOrphaned, int openNonOperational) =>
        new(isoWeek, Now.AddDays(-7), new SummaryJson(40, 20, 16, openOrphaned, 1, openOrphaned, openNonOperational, (double)openOrphaned / openNonOperational), []);

    public static DigestInput Input(IReadOnlyList<WorkItem> orphans, IReadOnlyList<WeeklySnapshot>? history = null) =>
        new(Report(orphans.Count), orphans, history ?? []);

    private static InitiativeJson Initiative(string id, string keyResult, string bet, string owner) =>
        new(id, keyResult, bet, id, owner, new CountsJson(0, 0, 0, 0), new PointsJson(0, 0, 0, 0), 0, null, null);
}
