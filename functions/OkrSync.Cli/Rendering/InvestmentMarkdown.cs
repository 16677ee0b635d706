using System.Text;
using OkrSync.Core.Reports;

namespace OkrSync.Cli.Rendering;

/// <summary>The Markdown report's position and investment parts: a line under each bet, and the balance with its breakdowns.</summary>
internal static class InvestmentMarkdown
{
    public static void Bet(StringBuilder md, BetJson bet, InvestmentJson? investment)
    {
        if (bet.Position.Count == 0)
        {
            md.AppendLine("Position: none declared.");
        }
        else
        {
            var signals = string.Join("; ", bet.Position.Select(p =>
                $"{Cell(p.Title)} (`{p.Id}`) {Bars.Number(p.Metric.Baseline)} → {Bars.Number(p.Metric.Current)} of {Bars.WithUnit(p.Metric.Target, p.Metric.Unit)}, {Bars.Percent(p.Ratio)}"));
            md.Append("Position ").Append(Bars.Percent(bet.PositionRatio)).Append(": ").Append(signals).AppendLine(".");
        }
        md.AppendLine();
        var declared = bet.Allocation?.Declared is { } d ? $"declared {Bars.Percent(d)}" : "no declared share";
        md.Append("Share of delivery: ").Append(declared);
        if (investment is not null && bet.Allocation is { } allocation)
        {
            md.Append(", actual ").Append(Bars.Percent(allocation.Actual)).Append(" (").Append(InvestmentText.Weight(allocation.Weight)).Append(" of ")
              .Append(InvestmentText.Weight(investment.Total)).Append(' ').Append(investment.Unit).Append(" over ").Append(investment.WindowDays).Append(" days)");
        }
        md.AppendLine(".").AppendLine();
    }

    public static void Balance(StringBuilder md, InvestmentJson? investment)
    {
        if (investment is null)
        {
            return;
        }
        md.AppendLine("## Investment").AppendLine();
        md.Append("Over the ").Append(investment.WindowDays).Append(" days to ").Append(Bars.Date(investment.To)).Append(": ")
          .Append(InvestmentText.Weight(investment.Total)).Append(' ').Append(investment.Unit).Append(" (").Append(investment.Items)
          .Append(" items done in the window or in progress at its end, ").Append(investment.Estimated).AppendLine(" with story points).").AppendLine();
        md.AppendLine("| | Declared | Actual | Weight |").AppendLine("|---|---:|---:|---:|");
        foreach (var (id, share) in investment.Bets)
        {
            Row(md, $"`{id}`", share);
        }
        Row(md, "operational", investment.Operational);
        Row(md, "orphaned", investment.Orphaned);
        Row(md, "contradicting", investment.Contradicting);
        md.AppendLine();
        Slices(md, "Repository or project", investment.ByContainer, investment.Unit);
        Slices(md, "Assignee", investment.ByAssignee, investment.Unit);
    }

    private static void Row(StringBuilder md, string name, AllocationJson share) =>
        md.Append("| ").Append(name).Append(" | ").Append(share.Declared is { } d ? Bars.Percent(d) : "").Append(" | ")
          .Append(Bars.Percent(share.Actual)).Append(" | ").Append(InvestmentText.Weight(share.Weight)).AppendLine(" |");

    private static void Slices(StringBuilder md, string heading, IReadOnlyList<InvestmentSliceJson> slices, string unit)
    {
        if (slices.Count == 0)
        {
            return;
        }
        md.Append("| ").Append(heading).Append(" | ").Append(unit).AppendLine(" | Shares |").AppendLine("|---|---:|---|");
        foreach (var slice in slices)
        {
            md.Append("| ").Append(Cell(slice.Name ?? "unassigned")).Append(" | ").Append(InvestmentText.Weight(slice.Total)).Append(" | ")
              .Append(Cell(InvestmentText.Mix(slice))).AppendLine(" |");
        }
        md.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
