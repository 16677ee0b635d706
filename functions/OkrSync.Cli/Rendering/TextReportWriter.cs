using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OkrSync.Cli.Rendering;

/// <summary>
/// The human report, from the JSON contract: bets → key results → initiatives with output and outcome bars,
/// then findings, then the orphaned work grouped by source and assignee.
/// </summary>
internal static class TextReportWriter
{
    public static void Write(IAnsiConsole console, ReportDocument report)
    {
        var s = report.Summary;
        console.MarkupLine($"[bold]{Markup.Escape(report.Strategy)}[/] · as of {Bars.Date(report.AsOf)}");
        if (Measurement.Commit(report) is { } commit)
        {
            console.MarkupLine($"[grey]{Markup.Escape(commit)}[/]");
        }
        console.MarkupLine($"{s.Total} items: [green]{s.Aligned} aligned[/], [blue]{s.Operational} operational[/], [yellow]{s.Orphaned} orphaned[/], [red]{s.Contradicting} contradicting[/] · orphan rate {Bars.Percent(s.OrphanRate)} of open non-operational work");
        console.WriteLine();
        console.Write(StrategyTree(report));
        console.WriteLine();
        WriteFindings(console, report.Findings);
        console.WriteLine();
        WriteOrphans(console, report.WorkItems, report.AsOf);
    }

    private static Tree StrategyTree(ReportDocument report)
    {
        var initiatives = report.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var tree = new Tree("[bold]Strategy[/]  [grey](output = work done / planned; outcome = metric progress from baseline to target)[/]");
        foreach (var bet in report.Bets)
        {
            var betNode = tree.AddNode(Lines(
                $"[bold]◆ {Markup.Escape(bet.Id)}[/]  {Markup.Escape(bet.Title)}",
                $"output  {OutputBar(bet.Output)}   outcome {Bars.Bar(bet.Outcome.Ratio)} {Bars.Percent(bet.Outcome.Ratio)}"));
            foreach (var keyResult in bet.KeyResults)
            {
                var o = keyResult.Outcome;
                var metric = o.Ratio is null ? "[grey]no complete metric[/]" : $"{Bars.Number(o.Baseline)} → {Bars.Number(o.Current)} of {Markup.Escape(Bars.WithUnit(o.Target, o.Unit))}";
                var krNode = betNode.AddNode(Lines(
                    $"[bold]KR {Markup.Escape(keyResult.Id)}[/]  {Markup.Escape(keyResult.Title)}",
                    $"output  {OutputBar(keyResult.Output)}   outcome {Bars.Bar(o.Ratio)} {Bars.Percent(o.Ratio)} ({metric})",
                    $"[grey]current value {Markup.Escape(Measurement.Describe(o))}[/]"));
                foreach (var id in keyResult.Initiatives)
                {
                    krNode.AddNode(new Markup(InitiativeLine(initiatives[id])));
                }
            }
        }
        return tree;
    }

    private static string InitiativeLine(InitiativeJson i)
    {
        var c = i.Counts;
        var points = i.PointsRatio is { } p ? $" · {Bars.Percent(p)} of points" : "";
        return $"{Markup.Escape(i.Id)}  {Markup.Escape(i.Title)}  [grey]{c.Todo} todo · {c.InProgress} in progress · {c.Done} done · {c.Cancelled} cancelled[/]  {Bars.Bar(i.Ratio, 8)} {Bars.Percent(i.Ratio)}{points} · last activity {Bars.Date(i.LastActivity)}";
    }

    private static string OutputBar(OutputJson output) => $"{Bars.Bar(output.Ratio)} {Bars.Percent(output.Ratio)} ({output.Done}/{output.Planned})";

    private static IRenderable Lines(params string[] lines) => new Rows(lines.Select(l => new Markup(l)));

    private static void WriteFindings(IAnsiConsole console, IReadOnlyList<FindingJson> findings)
    {
        console.MarkupLine($"[bold]Findings[/] ({findings.Count})");
        foreach (var group in findings.GroupBy(f => f.Kind).OrderBy(g => FindingKinds.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var kind = FindingKinds.Describe(group.Key);
            var heading = $"  [{Colour(kind.Severity)}]{Markup.Escape(kind.Title)}[/] [grey]·[/] {Markup.Escape(kind.Name)} ({group.Count()})";
            if (kind.Section == DigestSection.OrphanList)
            {
                console.MarkupLine($"{heading}: listed below");
                continue;
            }
            console.MarkupLine(heading);
            foreach (var finding in group)
            {
                console.MarkupLine($"    • [bold]{Markup.Escape(finding.Subject)}[/]: {Markup.Escape(finding.Message)}");
            }
        }
        if (findings.Count == 0)
        {
            console.MarkupLine("  [green]none: the work and the strategy agree[/]");
        }
    }

    private static void WriteOrphans(IAnsiConsole console, IReadOnlyList<WorkItemJson> items, DateTimeOffset asOf)
    {
        var orphans = Orphans(items).ToList();
        console.MarkupLine($"[bold]Orphaned work[/] ({orphans.Count} open items serve no bet and are not declared operational)");
        foreach (var source in orphans.GroupBy(i => (i.Source, i.Container)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Container, StringComparer.Ordinal))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(source.Key.Source)} · {Markup.Escape(source.Key.Container)}[/] ({source.Count()})");
            foreach (var person in source.GroupBy(i => i.Assignee ?? "unassigned").OrderBy(g => g.Key == "unassigned").ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                console.MarkupLine($"    {Markup.Escape(person.Key)} ({person.Count()})");
                foreach (var item in person.OrderBy(i => i.Created))
                {
                    var age = (int)Math.Max(0, (asOf - item.Created).TotalDays);
                    console.MarkupLine($"      {Markup.Escape(item.Key)}  {Markup.Escape(item.Title)} [grey]· {item.State} · {age} days old · {Markup.Escape(item.Url)}[/]");
                }
            }
        }
    }

    /// <summary>Open orphaned items: what the orphan section and the email list.</summary>
    public static IEnumerable<WorkItemJson> Orphans(IEnumerable<WorkItemJson> items) =>
        items.Where(i => i.Classification == "orphaned" && i.State is "todo" or "in-progress");

    private static string Colour(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => "red",
        FindingSeverity.Info => "grey",
        _ => "yellow",
    };
}
