using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The investment page: each bet's share of the window's effort (the report's <c>investment</c>), declared beside actual, the weekly trend from
/// the stored snapshots, and the same shares per container (team).
/// </summary>
public static class InvestmentView
{
    public static InvestmentPageJson Build(ReportDocument report, EffortMatrix effort, IEnumerable<WeeklySnapshot> snapshots, DashboardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(effort);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(inputs);
        var targets = EffortFlows.Targets(report).ToList();
        var total = effort.Total;
        var declared = report.Bets.Where(b => b.Allocation?.Declared is not null).ToDictionary(b => b.Id, b => b.Allocation!.Declared, StringComparer.Ordinal);
        if (report.Investment?.Operational.Declared is { } operational)
        {
            declared[EffortFlows.Operational] = operational;
        }
        var shares = targets.Select(t => Share(t, effort.Of(t.Id), total, inputs.SignalsOf(t.Id)?.DeclaredShare ?? declared.GetValueOrDefault(t.Id))).ToList();
        var trend = snapshots.OrderBy(s => s.TakenAt).Select(s => new InvestmentWeekJson(
            s.IsoWeek,
            [.. report.Bets.Select(b => new BetShareJson(b.Id, s.Summary.Total == 0 ? 0 : Math.Round((double)s.KeyResults.Where(k => k.BetId == b.Id).Sum(k => k.Planned) / s.Summary.Total, 4)))])).ToList();
        var containers = effort.ByContainer()
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ContainerInvestmentJson(
                c.Key,
                Math.Round(c.Value, 2),
                [.. targets.Select(t => Share(t, effort.Cells.GetValueOrDefault((c.Key, t.Id)), c.Value, null)).Where(s => s.Items > 0)]))
            .ToList();
        return new InvestmentPageJson(report.AsOf, effort.Basis, Math.Round(total, 2), shares, trend, containers) { WindowDays = effort.WindowDays, Items = effort.Items, WindowStart = effort.WindowStart };
    }

    private static ShareJson Share((string Id, string Label, string Kind) target, double items, double total, double? declared) =>
        new(target.Id, target.Label, target.Kind, declared, total == 0 ? 0 : Math.Round(items / total, 4), Math.Round(items, 2));
}
