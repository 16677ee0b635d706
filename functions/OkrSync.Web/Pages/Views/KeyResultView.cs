using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Pages.Views;

/// <summary>Builds the key-result page: the key result as on the strategy page, its weekly trend from the stored snapshots, its initiatives' open work.</summary>
public static class KeyResultView
{
    /// <summary>Open items listed per initiative, oldest first (the count says how many there are in all).</summary>
    public const int OpenWorkShown = 50;

    /// <summary>The page, or null when the report has no key result <paramref name="id"/>.</summary>
    public static KeyResultPageJson? Build(string id, ReportDocument report, IEnumerable<ItemAlignment> items, IEnumerable<WeeklySnapshot> snapshots, DashboardInputs inputs) =>
        Build(id, ReportIndex.Of(report), items, snapshots, inputs);

    /// <summary>As above, from the report's <paramref name="index"/> (worked out once per report).</summary>
    public static KeyResultPageJson? Build(string id, ReportIndex index, IEnumerable<ItemAlignment> items, IEnumerable<WeeklySnapshot> snapshots, DashboardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(index);
        var report = index.Report;
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(inputs);
        if (report.KeyResults.FirstOrDefault(k => k.Id == id) is not { } keyResult)
        {
            return null;
        }
        var bet = report.Bets.First(b => b.Id == keyResult.BetId);
        var node = StrategyView.KeyResultNode(keyResult, index.Flags, index.Initiatives);
        var ids = node.Initiatives.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var open = new Dictionary<string, List<ItemAlignment>>(StringComparer.Ordinal);
        foreach (var alignment in items)
        {
            if (!alignment.Item.State.IsOpen())
            {
                continue;
            }
            foreach (var initiative in alignment.InitiativeIds)
            {
                if (ids.Contains(initiative))
                {
                    (open.TryGetValue(initiative, out var list) ? list : open[initiative] = []).Add(alignment);
                }
            }
        }
        var weeks = snapshots
            .Select(s => (s, trend: s.KeyResults.FirstOrDefault(k => k.Id == id)))
            .Where(p => p.trend is not null)
            .Select(p => new KeyResultWeekJson(p.s.IsoWeek, p.s.TakenAt, p.trend!.OutputRatio, p.trend.OutcomeRatio, p.trend.Planned, p.trend.Done))
            .OrderBy(w => w.TakenAt)
            .ToList();
        return new KeyResultPageJson(
            report.Strategy,
            report.AsOf,
            bet.Title,
            node,
            weeks,
            [.. inputs.CheckInsOf(id).OrderBy(c => c.At)],
            [.. node.Initiatives.Select(i =>
            {
                var list = open.GetValueOrDefault(i.Id) ?? [];
                return new InitiativeWorkJson(i, list.Count, [.. list.OrderBy(a => a.Item.Created).ThenBy(a => a.Item.Key, StringComparer.Ordinal).Take(OpenWorkShown).Select(a => a.ToJson())]);
            })]);
    }
}
