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

    /// <summary>
    /// A report that keeps <paramref name="items"/> work items needing attention, each with its orphaned-work finding,
    /// with text that does not compress away: the shape of the live report's stored document at scale.
    /// </summary>
    public static ReportDocument WithItems(int items, DateTimeOffset asOf, string strategy = "strategy.yaml")
    {
        var random = new Random(items);
        string Noise() => Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()));
        var work = Enumerable.Range(0, items)
            .Select(i => new WorkItemJson($"acme/app#{i}", "github", "acme/app", $"Work {i} {Noise()}", $"https://github.com/acme/app/issues/{i}", "issue", "todo", "orphaned", [], [], i % 3 == 0 ? null : $"dev{i % 17}", [$"area-{i % 11}"], null, null, asOf.AddDays(-i % 90), asOf, null))
            .ToList();
        var findings = work.Select(w => new FindingJson("orphaned-work", w.Key, $"Open work '{w.Title}' in acme/app serves no bet.", null, w.Url)).ToList();
        return Report(keyResults: 12, findings: 0, asOf, strategy) with { WorkItems = work, Findings = findings };
    }

    /// <summary><paramref name="report"/> with one work item (and its finding) retitled, as one event changes it.</summary>
    public static ReportDocument WithOneItemRetitled(ReportDocument report, int index, string title)
    {
        var items = report.WorkItems.ToList();
        items[index] = items[index] with { Title = title };
        var findings = report.Findings.ToList();
        var at = findings.FindIndex(f => f.Subject == items[index].Key);
        findings[at] = findings[at] with { Message = $"Open work '{title}' in acme/app serves no bet." };
        return report with { WorkItems = items, Findings = findings, Summary = report.Summary with { Total = report.Summary.Total + 1 } };
    }

    public static WeeklySnapshot Snapshot(DateTimeOffset takenAt, int keyResults = 3) => WeeklySnapshot.From(Report(keyResults, 0, takenAt));
}
