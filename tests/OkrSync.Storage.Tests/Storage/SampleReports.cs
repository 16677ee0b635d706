using OkrSync.Core.Reports;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>Reports and snapshots of a chosen size, with text that does not compress away.</summary>
internal static class SampleReports
{
    public static ReportDocument Report(int keyResults, int findings, DateTimeOffset asOf, string strategy = "strategy.yaml")
    {
        var random = new Random(keyResults + findings);
        string Noise() => Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())) + Guid.NewGuid().ToString("N");
        var krs = Enumerable.Range(0, keyResults)
            .Select(i => new KeyResultJson($"kr-{i}", $"bet-{i % 7}", $"Key result {i} {Noise()}", new OutputJson(10, i % 10, (i % 10) / 10.0), new OutcomeJson("%", 1, 2, 1.5, 0.5), [$"init-{i}"]))
            .ToList();
        var initiatives = Enumerable.Range(0, keyResults)
            .Select(i => new InitiativeJson($"init-{i}", $"kr-{i}", $"bet-{i % 7}", $"Initiative {Noise()}", "owner@example.com", new CountsJson(1, 2, 3, 0), new PointsJson(1, 2, 3, 0), 0.5, null, asOf))
            .ToList();
        var bets = Enumerable.Range(0, 7)
            .Select(b => new BetJson($"bet-{b}", $"Bet {b}", null, new OutputJson(1, 1, 1), new BetOutcomeJson(0.4), [new NotDoingJson($"nd-{b}", "Not this", ["label"])], [.. krs.Where(k => k.BetId == $"bet-{b}")]))
            .ToList();
        var items = Enumerable.Range(0, 3)
            .Select(i => new WorkItemJson($"acme/app#{i}", "github", "acme/app", "t", "u", "issue", "todo", "aligned", [], [], null, [], null, null, asOf, asOf, null))
            .ToList();
        var found = Enumerable.Range(0, findings).Select(i => new FindingJson("orphan", $"acme/app#{i}", $"Orphaned work {Noise()}", null, null)).ToList();
        return new ReportDocument(strategy, asOf, new SummaryJson(100, 60, 20, 15, 5, 10, 30, 0.15), bets, krs, initiatives, items, found);
    }

    public static WeeklySnapshot Snapshot(DateTimeOffset takenAt, int keyResults = 3) => WeeklySnapshot.From(Report(keyResults, 0, takenAt));
}
