using System.Globalization;
using OkrSync.Core.Reports;

namespace OkrSync.Cli.Rendering;

/// <summary>The text report's lines for position and investment: two under every bet, and the balance after the tree.</summary>
internal static class InvestmentText
{
    private const string Grey = "grey";

    /// <summary>Assignees listed in the balance; the rest are counted.</summary>
    private const int MaxAssignees = 10;

    /// <summary><c>position ██░░ 5% (partner-share 5 → 6 of 25%)</c>, or a grey note when the bet names no position.</summary>
    public static TextLine PositionLine(string guide, BetJson bet)
    {
        if (bet.Position.Count == 0)
        {
            return new TextLine(new TextPart(guide, Grey), new TextPart("position none declared", Grey));
        }
        var signals = string.Join("; ", bet.Position.Select(p => $"{p.Id} {Bars.Number(p.Metric.Baseline)} → {Bars.Number(p.Metric.Current)} of {Bars.WithUnit(p.Metric.Target, p.Metric.Unit)}"));
        return new TextLine(
            new TextPart(guide, Grey),
            new TextPart($"position {Bars.Bar(bet.PositionRatio)} {Bars.Percent(bet.PositionRatio)}"),
            new TextPart($" ({signals})", Grey, TextFit.Drop));
    }

    /// <summary><c>share    declared 20% · actual 4% (12 of 310 points, 28 days)</c>.</summary>
    public static TextLine ShareLine(string guide, BetJson bet, InvestmentJson? investment)
    {
        var declared = bet.Allocation?.Declared is { } d ? new TextPart($"declared {Bars.Percent(d)}") : new TextPart("no declared share", Grey);
        if (investment is null || bet.Allocation is not { } allocation)
        {
            return new TextLine(new TextPart(guide, Grey), new TextPart("share    "), declared);
        }
        return new TextLine(
            new TextPart(guide, Grey), new TextPart("share    "), declared,
            new TextPart($" · actual {Bars.Percent(allocation.Actual)}"),
            new TextPart($" ({Weight(allocation.Weight)} of {Weight(investment.Total)} {investment.Unit}, {investment.WindowDays} days)", Grey, TextFit.Drop));
    }

    /// <summary>The balance: the window and unit, each bet, operational, orphaned and contradicting, then per container and assignee.</summary>
    public static void Write(TextReportOutput output, ReportDocument report)
    {
        if (report.Investment is not { } investment)
        {
            return;
        }
        var estimated = investment.Unit == "points" ? "" : $", {investment.Estimated} with story points";
        output.Prose(new TextLine(
            new TextPart("Investment", "bold"),
            new TextPart($" over the {investment.WindowDays} days to {Bars.Date(investment.To)}: {Weight(investment.Total)} {investment.Unit}"),
            new TextPart($" ({investment.Items} items done in the window or in progress at its end{estimated})", Grey)));
        foreach (var (id, share) in investment.Bets)
        {
            output.Line(Share($"  {id,-16} ", share));
        }
        output.Line(Share($"  {"operational",-16} ", investment.Operational));
        output.Line(Share($"  {"orphaned",-16} ", investment.Orphaned));
        output.Line(Share($"  {"contradicting",-16} ", investment.Contradicting));
        if (investment.ByContainer.Count > 0)
        {
            output.Line(new TextLine(new TextPart("  by repository or project", "bold")));
            foreach (var slice in investment.ByContainer)
            {
                output.Line(new TextLine(new TextPart($"    {slice.Name ?? "?"}: {Weight(slice.Total)} {investment.Unit}"), new TextPart($" · {Mix(slice)}", Grey, TextFit.Drop)));
            }
        }
        if (investment.ByAssignee.Count > 0)
        {
            output.Line(new TextLine(new TextPart("  by assignee", "bold")));
            foreach (var slice in investment.ByAssignee.Take(MaxAssignees))
            {
                output.Line(new TextLine(new TextPart($"    {slice.Name ?? "unassigned"}: {Weight(slice.Total)} {investment.Unit}"), new TextPart($" · {Mix(slice)}", Grey, TextFit.Drop)));
            }
            if (investment.ByAssignee.Count > MaxAssignees)
            {
                output.Line(new TextLine(new TextPart($"    and {investment.ByAssignee.Count - MaxAssignees} more (see --format json)", Grey)));
            }
        }
        output.Blank();
    }

    /// <summary>The non-zero shares of one part: <c>self-serve 60%, operational 30%, orphaned 10%</c>.</summary>
    public static string Mix(InvestmentSliceJson slice)
    {
        var parts = slice.Bets.Select(b => (b.Key, b.Value))
            .Append(("operational", slice.Operational)).Append(("orphaned", slice.Orphaned)).Append(("contradicting", slice.Contradicting))
            .Where(p => p.Item2.Weight > 0)
            .Select(p => $"{p.Item1} {Bars.Percent(p.Item2.Actual)}");
        return string.Join(", ", parts);
    }

    private static TextLine Share(string label, AllocationJson share) => new(
        new TextPart(label),
        new TextPart($"{Bars.Bar(share.Actual, 10)} {Bars.Percent(share.Actual),4}"),
        new TextPart(share.Declared is { } d ? $" (declared {Bars.Percent(d)})" : "", Grey, TextFit.Drop),
        new TextPart($"  {Weight(share.Weight)}", Grey, TextFit.Drop));

    public static string Weight(double weight) => weight.ToString("0.#", CultureInfo.InvariantCulture);
}
