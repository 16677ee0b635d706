using System.Globalization;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Cli.Rendering;

/// <summary>The text report's lines for position and investment: one each under every bet, and the balance after the tree.</summary>
internal static class InvestmentText
{
    /// <summary>Assignees listed in the balance; the rest are counted.</summary>
    private const int MaxAssignees = 10;

    /// <summary><c>position ██░░ 5% (partner-share 5 → 6 of 25%)</c>, or a grey note when the bet names no position.</summary>
    public static string PositionLine(BetJson bet)
    {
        if (bet.Position.Count == 0)
        {
            return "[grey]position none declared[/]";
        }
        var signals = string.Join("; ", bet.Position.Select(p => $"{p.Id} {Bars.Number(p.Metric.Baseline)} → {Bars.Number(p.Metric.Current)} of {Bars.WithUnit(p.Metric.Target, p.Metric.Unit)}"));
        return $"position {Bars.Bar(bet.PositionRatio)} {Bars.Percent(bet.PositionRatio)} [grey]({Markup.Escape(signals)})[/]";
    }

    /// <summary><c>share  declared 20% · actual 4% (12 of 310 points, 28 days)</c>.</summary>
    public static string ShareLine(BetJson bet, InvestmentJson? investment)
    {
        var declared = bet.Allocation?.Declared is { } d ? $"declared {Bars.Percent(d)}" : "[grey]no declared share[/]";
        if (investment is null || bet.Allocation is not { } allocation)
        {
            return $"share    {declared}";
        }
        return $"share    {declared} · actual {Bars.Percent(allocation.Actual)} [grey]({Weight(allocation.Weight)} of {Weight(investment.Total)} {investment.Unit}, {investment.WindowDays} days)[/]";
    }

    /// <summary>The balance: the window and unit, each bet, operational, orphaned and contradicting, then per container and assignee.</summary>
    public static void Write(IAnsiConsole console, ReportDocument report)
    {
        if (report.Investment is not { } investment)
        {
            return;
        }
        var estimated = investment.Unit == "points" ? "" : $", {investment.Estimated} with story points";
        console.MarkupLine($"[bold]Investment[/] over the {investment.WindowDays} days to {Bars.Date(investment.To)}: {Weight(investment.Total)} {investment.Unit} [grey]({investment.Items} items done in the window or in progress at its end{estimated})[/]");
        foreach (var (id, share) in investment.Bets)
        {
            console.MarkupLine($"  {Markup.Escape(id),-16} {Share(share)}");
        }
        console.MarkupLine($"  {"operational",-16} {Share(investment.Operational)}");
        console.MarkupLine($"  {"orphaned",-16} {Share(investment.Orphaned)}");
        console.MarkupLine($"  {"contradicting",-16} {Share(investment.Contradicting)}");
        if (investment.ByContainer.Count > 0)
        {
            console.MarkupLine("  [bold]by repository or project[/]");
            foreach (var slice in investment.ByContainer)
            {
                console.MarkupLine($"    {Markup.Escape(slice.Name ?? "?")}: {Weight(slice.Total)} {investment.Unit} [grey]· {Markup.Escape(Mix(slice))}[/]");
            }
        }
        if (investment.ByAssignee.Count > 0)
        {
            console.MarkupLine("  [bold]by assignee[/]");
            foreach (var slice in investment.ByAssignee.Take(MaxAssignees))
            {
                console.MarkupLine($"    {Markup.Escape(slice.Name ?? "unassigned")}: {Weight(slice.Total)} {investment.Unit} [grey]· {Markup.Escape(Mix(slice))}[/]");
            }
            if (investment.ByAssignee.Count > MaxAssignees)
            {
                console.MarkupLine($"    [grey]and {investment.ByAssignee.Count - MaxAssignees} more (see --format json)[/]");
            }
        }
        console.WriteLine();
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

    private static string Share(AllocationJson share)
    {
        var declared = share.Declared is { } d ? $" [grey](declared {Bars.Percent(d)})[/]" : "";
        return $"{Bars.Bar(share.Actual, 10)} {Bars.Percent(share.Actual),4}{declared}  [grey]{Weight(share.Weight)}[/]";
    }

    public static string Weight(double weight) => weight.ToString("0.#", CultureInfo.InvariantCulture);
}
