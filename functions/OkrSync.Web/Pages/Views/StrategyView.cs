using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// Builds the strategy page's data: the stored report's numbers (so they equal <c>/api/rollup</c>'s), the flags its
/// findings raise on bets, key results and initiatives, the contradicting work per "not doing", and the effort flow.
/// </summary>
public static class StrategyView
{
    /// <summary>Contradicting items listed under each "not doing" (the count says how many there are in all).</summary>
    public const int ContradictionsShown = 10;

    public static StrategyPageJson Build(ReportDocument report, EffortMatrix effort, DashboardInputs inputs) => Build(ReportIndex.Of(report), effort, inputs);

    /// <summary>The page from the report's <paramref name="index"/> (worked out once per report), so a request costs what the page draws, not what the report holds.</summary>
    public static StrategyPageJson Build(ReportIndex index, EffortMatrix effort, DashboardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(effort);
        ArgumentNullException.ThrowIfNull(inputs);
        var report = index.Report;
        var bets = report.Bets.Select(bet =>
        {
            var signals = inputs.SignalsOf(bet.Id);
            var weight = effort.Of(bet.Id);
            return new BetNodeJson(
                bet.Id,
                bet.Title,
                bet.Owner,
                bet.Output,
                bet.Outcome,
                signals,
                new InvestmentJson(signals?.DeclaredShare ?? bet.Allocation?.Declared, Math.Round(effort.Share(bet.Id), 4), Math.Round(weight, 2), effort.Basis),
                FlagsOf(index.Flags, bet.Id),
                [.. bet.NotDoing.Select(n =>
                {
                    var hits = index.ContradictingOf(n.Id);
                    return new NotDoingNodeJson(n.Id, n.Title, n.Labels, hits.Count, [.. hits.Take(ContradictionsShown).Select(Ref)]);
                })],
                [.. bet.KeyResults.Select(k => KeyResultNode(k, index.Flags, index.Initiatives))]);
        }).ToList();
        return new StrategyPageJson(report.Strategy, report.AsOf, report.Summary, bets, EffortFlows.ToJson(effort, report), FindingsView.CountsOf(index.FindingCounts));
    }

    public static KeyResultNodeJson KeyResultNode(KeyResultJson k, IReadOnlyDictionary<string, List<string>> flags, IReadOnlyDictionary<string, InitiativeJson> initiatives)
    {
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(initiatives);
        return new KeyResultNodeJson(
            k.Id,
            k.BetId,
            k.Title,
            k.Output,
            k.Outcome,
            FlagsOf(flags, k.Id),
            [.. k.Initiatives.Where(initiatives.ContainsKey).Select(id => InitiativeNode(initiatives[id], flags))]);
    }

    public static InitiativeNodeJson InitiativeNode(InitiativeJson i, IReadOnlyDictionary<string, List<string>> flags)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, i.Title, i.Owner, i.Counts, i.Ratio, i.LastActivity, FlagsOf(flags, i.Id));
    }

    /// <summary>The finding kinds drawn as flags on the nodes: on bets, key results and initiatives (and position signals' ids).</summary>
    public static IReadOnlySet<string> NodeFlags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        FindingKinds.OutputsWithoutOutcome, FindingKinds.UnbackedKeyResult, FindingKinds.IdleBet, FindingKinds.StaleInitiative,
        FindingKinds.GreenKeyResultsFlatPosition, FindingKinds.AllocationDrift, FindingKinds.OutcomeUnmeasured,
    };

    /// <summary>The finding kinds raised on each strategy id (bets, key results, initiatives), in the kinds' order.</summary>
    public static Dictionary<string, List<string>> FlagsBySubject(IEnumerable<FindingJson> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var flags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => NodeFlags.Contains(f.Kind)))
        {
            if (!flags.TryGetValue(finding.Subject, out var list))
            {
                flags[finding.Subject] = list = [];
            }
            if (!list.Contains(finding.Kind))
            {
                list.Add(finding.Kind);
            }
        }
        return flags;
    }

    public static WorkRefJson Ref(WorkItemJson w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Key, w.Title, w.Url, w.Container, w.State, w.Assignee);
    }

    public static List<string> FlagsOf(IReadOnlyDictionary<string, List<string>> flags, string id) =>
        flags.TryGetValue(id, out var list) ? [.. list.OrderBy(FindingKinds.Order)] : [];
}
