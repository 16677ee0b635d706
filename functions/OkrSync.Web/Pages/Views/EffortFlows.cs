using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The window's effort by where it lives and what it serves, counted in items: each item in the window is one unit,
/// split evenly over the bets of the initiatives it counts in. This is the stand-in for issue 13's investment model
/// (declared versus actual effort): it has the same shape (<see cref="EffortMatrix"/>), so the pages keep drawing when
/// that model replaces <see cref="FromItemCounts"/>.
/// </summary>
public static class EffortFlows
{
    public const string ItemCountBasis = "item-count";
    public const string Operational = "operational";
    public const string Orphaned = "orphaned";
    public const string Contradicting = "contradicting";

    /// <summary>How far back the window reaches: work open now, or updated in the last four weeks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(28);

    /// <summary>At most this many containers are drawn as their own band source; the rest are one "other" source.</summary>
    public const int ContainersDrawn = 8;

    public const string OtherContainers = "(other)";

    /// <summary>Counts the window's items of <paramref name="items"/> by container and target (a bet id, or one of the constants above).</summary>
    public static EffortMatrix FromItemCounts(IEnumerable<ItemAlignment> items, IReadOnlyDictionary<string, string> betOfInitiative, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(betOfInitiative);
        var start = asOf - Window;
        var cells = new Dictionary<(string Container, string Target), double>();
        var bets = new List<string>(4);
        foreach (var alignment in items)
        {
            var item = alignment.Item;
            if (item.State == StateCategory.Cancelled || (!item.State.IsOpen() && item.Updated < start))
            {
                continue;
            }
            switch (alignment.Classification)
            {
                case Classification.Aligned:
                    bets.Clear();
                    foreach (var initiative in alignment.InitiativeIds)
                    {
                        if (betOfInitiative.TryGetValue(initiative, out var bet) && !bets.Contains(bet))
                        {
                            bets.Add(bet);
                        }
                    }
                    foreach (var bet in bets)
                    {
                        Add(cells, item.Container, bet, 1.0 / bets.Count);
                    }
                    break;
                case Classification.Operational: Add(cells, item.Container, Operational, 1); break;
                case Classification.Orphaned: Add(cells, item.Container, Orphaned, 1); break;
                default: Add(cells, item.Container, Contradicting, 1); break;
            }
        }
        return new EffortMatrix(ItemCountBasis, start, asOf, cells);
    }

    /// <summary>The flow chart's data: the largest containers as sources (the rest as one), targets in strategy order.</summary>
    public static EffortFlowJson ToJson(EffortMatrix matrix, ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(report);
        var byContainer = matrix.ByContainer().OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var drawn = byContainer.Take(byContainer.Count > ContainersDrawn ? ContainersDrawn - 1 : ContainersDrawn).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        string SourceOf(string container) => drawn.Contains(container) ? container : OtherContainers;
        var bands = matrix.Cells
            .GroupBy(c => (From: SourceOf(c.Key.Container), To: c.Key.Target))
            .Select(g => new FlowBandJson(g.Key.From, g.Key.To, Math.Round(g.Sum(c => c.Value), 2)))
            .ToList();
        var sources = bands.GroupBy(b => b.From).Select(g => new FlowNodeJson(g.Key, g.Key, "container", Math.Round(g.Sum(b => b.Value), 2)))
            .OrderBy(n => n.Id == OtherContainers).ThenByDescending(n => n.Value).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var targetOrder = Targets(report).ToList();
        var targets = targetOrder
            .Select(t => new FlowNodeJson(t.Id, t.Label, t.Kind, Math.Round(bands.Where(b => b.To == t.Id).Sum(b => b.Value), 2)))
            .Where(t => t.Value > 0)
            .ToList();
        var order = targetOrder.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var sourceOrder = sources.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        bands = [.. bands.Where(b => order.ContainsKey(b.To)).OrderBy(b => sourceOrder[b.From]).ThenBy(b => order[b.To])];
        return new EffortFlowJson(matrix.Basis, matrix.WindowStart, matrix.WindowEnd, Math.Round(matrix.Total, 2), sources, targets, bands);
    }

    /// <summary>Where effort can go, in drawing order: the bets, then operational, contradicting and orphaned work.</summary>
    public static IEnumerable<(string Id, string Label, string Kind)> Targets(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var bet in report.Bets)
        {
            yield return (bet.Id, bet.Title, "bet");
        }
        yield return (Operational, "Operational", Operational);
        yield return (Contradicting, "Contradicting a \"not doing\"", Contradicting);
        yield return (Orphaned, "Orphaned", Orphaned);
    }

    private static void Add(Dictionary<(string, string), double> cells, string container, string target, double value)
    {
        var key = (container, target);
        cells[key] = cells.GetValueOrDefault(key) + value;
    }
}

/// <summary>Effort in a window by container and target, in units of <see cref="Basis"/>.</summary>
public sealed record EffortMatrix(string Basis, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, IReadOnlyDictionary<(string Container, string Target), double> Cells)
{
    public double Total => Cells.Values.Sum();

    public double Of(string target) => Cells.Where(c => c.Key.Target == target).Sum(c => c.Value);

    public IEnumerable<KeyValuePair<string, double>> ByContainer() =>
        Cells.GroupBy(c => c.Key.Container, StringComparer.Ordinal).Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(c => c.Value)));
}
