using System.Text;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Cli.Rendering;

/// <summary>The report as GitHub-flavoured Markdown, for pasting into an issue, a wiki or a pull request.</summary>
internal static class MarkdownReportWriter
{
    public static string Write(ReportDocument report)
    {
        var md = new StringBuilder();
        var s = report.Summary;
        var initiatives = report.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        md.Append("# ").Append(Cell(report.Strategy)).Append(" (as of ").Append(Bars.Date(report.AsOf)).AppendLine(")").AppendLine();
        if (Measurement.Commit(report) is { } commit)
        {
            md.Append('_').Append(commit).AppendLine("_").AppendLine();
        }
        md.Append(s.Total).Append(" items: ").Append(s.Aligned).Append(" aligned, ").Append(s.Operational).Append(" operational, ")
          .Append(s.Orphaned).Append(" orphaned, ").Append(s.Contradicting).Append(" contradicting. Orphan rate: ")
          .Append(Bars.Percent(s.OrphanRate)).AppendLine(" of open non-operational work.").AppendLine();
        foreach (var bet in report.Bets)
        {
            md.Append("## ").Append(Cell(bet.Title)).Append(" (`").Append(bet.Id).AppendLine("`)").AppendLine();
            md.Append("Output ").Append(Bars.Percent(bet.Output.Ratio)).Append(" (").Append(bet.Output.Done).Append('/').Append(bet.Output.Planned)
              .Append("), outcome ").Append(Bars.Percent(bet.Outcome.Ratio)).AppendLine(".").AppendLine();
            InvestmentMarkdown.Bet(md, bet, report.Investment);
            md.AppendLine("| Key result | Output | Outcome | Initiative | Todo | In progress | Done | Cancelled | Done % | Last activity |");
            md.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var kr in bet.KeyResults)
            {
                var krCells = $"{Cell(kr.Title)} | {Bars.Percent(kr.Output.Ratio)} ({kr.Output.Done}/{kr.Output.Planned}) | {Bars.Percent(kr.Outcome.Ratio)}";
                if (kr.Initiatives.Count == 0)
                {
                    md.Append("| ").Append(krCells).AppendLine(" | _none_ | | | | | | |");
                }
                foreach (var i in kr.Initiatives.Select(id => initiatives[id]))
                {
                    md.Append("| ").Append(krCells).Append(" | ").Append(Cell(i.Title)).Append(" | ")
                      .Append(i.Counts.Todo).Append(" | ").Append(i.Counts.InProgress).Append(" | ").Append(i.Counts.Done).Append(" | ")
                      .Append(i.Counts.Cancelled).Append(" | ").Append(Bars.Percent(i.Ratio)).Append(" | ").Append(Bars.Date(i.LastActivity)).AppendLine(" |");
                    krCells = " | |";
                }
            }
            md.AppendLine();
            foreach (var kr in bet.KeyResults)
            {
                md.Append("- ").Append(Cell(kr.Title)).Append(": current value ").Append(Bars.Number(kr.Outcome.Current)).Append(' ').AppendLine(Cell(Measurement.Describe(kr.Outcome)));
            }
            md.AppendLine();
        }
        InvestmentMarkdown.Balance(md, report.Investment);
        md.AppendLine("## Findings").AppendLine();
        foreach (var group in report.Findings.GroupBy(f => f.Kind).OrderBy(g => FindingKinds.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var kind = FindingKinds.Describe(group.Key);
            md.Append("### ").Append(Cell(kind.Title)).Append(" (").Append(group.Count()).AppendLine(")").AppendLine();
            if (kind.Section == DigestSection.OrphanList)
            {
                // Each item is a row of the "Orphaned work" table below, with its age: listed once, not twice.
                md.Append("`").Append(kind.Name).AppendLine("`: listed under [Orphaned work](#orphaned-work) below.").AppendLine();
                continue;
            }
            foreach (var finding in group)
            {
                md.Append("- **").Append(finding.Kind).Append("** `").Append(finding.Subject).Append("`: ").AppendLine(Cell(finding.Message));
            }
            md.AppendLine();
        }
        if (report.Findings.Count == 0)
        {
            md.AppendLine("None: the work and the strategy agree.").AppendLine();
        }
        md.AppendLine("## Orphaned work").AppendLine();
        md.AppendLine("| Source | Assignee | Item | Title | State | Age (days) |").AppendLine("|---|---|---|---|---|---:|");
        foreach (var item in TextReportWriter.Orphans(report.WorkItems)
                     .OrderBy(i => i.Container, StringComparer.Ordinal).ThenBy(i => i.Assignee ?? "~", StringComparer.Ordinal).ThenBy(i => i.Created))
        {
            md.Append("| ").Append(item.Container).Append(" | ").Append(Cell(item.Assignee ?? "unassigned")).Append(" | [").Append(item.Key).Append("](").Append(item.Url)
              .Append(") | ").Append(Cell(item.Title)).Append(" | ").Append(item.State).Append(" | ").Append(TextReportWriter.AgeDays(item, report.AsOf)).AppendLine(" |");
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
