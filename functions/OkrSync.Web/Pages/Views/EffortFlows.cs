using OkrSync.Core.Investment;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The window's effort by where it lives and what it serves, from issue 13's investment model (the report's
/// <c>investment</c>, computed by <see cref="OkrSync.Core.Investment.InvestmentCalculator"/>): work done in the trailing
/// window or in progress at its end, weighted in story points when every item has them, else counted in items, aligned
/// work split equally over the bets it serves. The same numbers as <c>/api/rollup</c>'s <c>investment</c>.
/// </summary>
public static class EffortFlows
{
    public const string Operational = "operational";
    public const string Orphaned = "orphaned";
    public const string Contradicting = "contradicting";

    /// <summary>At most this many containers are drawn as their own band source; the rest are one "other" source.</summary>
    public const int ContainersDrawn = 8;

    public const string OtherContainers = "(other)";

    /// <summary>
    /// The effort of <paramref name="report"/>'s <c>investment</c> by container (its <c>byContainer</c> slices) and target;
    /// for a report stored before the investment existed, the live report's balance; else nothing, in items.
    /// </summary>
    public static EffortMatrix FromInvestment(ReportDocument report, Report? live)
    {
        ArgumentNullException.ThrowIfNull(report);
        var investment = report.Investment ?? (live?.Investment is { } balance ? balance.ToJson(live.Strategy) : null);
        if (investment is null)
        {
            return new EffortMatrix(EffortUnits.Items, report.AsOf, report.AsOf, new Dictionary<(string, string), double>()) { WindowDays = 0 };
        }
        var cells = new Dictionary<(string Container, string Target), double>();
        foreach (var slice in investment.ByContainer)
        {
            var container = slice.Name ?? OtherContainers;
            foreach (var (bet, share) in slice.Bets)
            {
                Add(cells, container, bet, share.Weight);
            }
            Add(cells, container, Operational, slice.Operational.Weight);
            Add(cells, container, Orphaned, slice.Orphaned.Weight);
            Add(cells, container, Contradicting, slice.Contradicting.Weight);
        }
        return new EffortMatrix(investment.Unit, investment.From, investment.To, cells) { WindowDays = investment.WindowDays, Items = investment.Items };
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
        if (value <= 0)
        {
            return;
        }
        var key = (container, target);
        cells[key] = cells.GetValueOrDefault(key) + value;
    }
}

/// <summary>Effort in a window by container and target, in units of <see cref="Basis"/> (<c>points</c> or <c>items</c>).</summary>
public sealed record EffortMatrix(string Basis, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, IReadOnlyDictionary<(string Container, string Target), double> Cells)
{
    /// <summary>How many days the window reaches back (the strategy's <c>investment-window-days</c>).</summary>
    public int WindowDays { get; init; }

    /// <summary>How many work items the window counts.</summary>
    public int Items { get; init; }

    /// <summary>The share of the window's effort that went to <paramref name="target"/>; 0 when nothing was worked.</summary>
    public double Share(string target) => Total > 0 ? Of(target) / Total : 0;

    public double Total => Cells.Values.Sum();

    public double Of(string target) => Cells.Where(c => c.Key.Target == target).Sum(c => c.Value);

    public IEnumerable<KeyValuePair<string, double>> ByContainer() =>
        Cells.GroupBy(c => c.Key.Container, StringComparer.Ordinal).Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(c => c.Value)));
}
