using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Rollup;
using OkrSync.Core.Work;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OkrSync.Functions.Cli.Rendering;

/// <summary>
/// The human report: bets → key results → initiatives with output and outcome bars, then findings, then the
/// orphaned work grouped by source and assignee.
/// </summary>
internal static class TextReportWriter
{
    public static void Write(IAnsiConsole console, Report report)
    {
        var s = report.Summary;
        console.MarkupLine($"[bold]{Markup.Escape(report.Strategy.Name)}[/] · as of {Bars.Date(report.AsOf)}");
        console.MarkupLine($"{s.Total} items: [green]{s.Aligned} aligned[/], [blue]{s.Operational} operational[/], [yellow]{s.Orphaned} orphaned[/], [red]{s.Contradicting} contradicting[/] · orphan rate {Bars.Percent(s.OrphanRate)} of open non-operational work");
        console.WriteLine();
        console.Write(StrategyTree(report.Rollup));
        console.WriteLine();
        WriteFindings(console, report.Findings);
        console.WriteLine();
        WriteOrphans(console, report.Items, report.AsOf);
    }

    private static Tree StrategyTree(StrategyRollup rollup)
    {
        var tree = new Tree("[bold]Strategy[/]  [grey](output = work done / planned; outcome = metric progress from baseline to target)[/]");
        foreach (var bet in rollup.Bets)
        {
            var betNode = tree.AddNode(Lines(
                $"[bold]◆ {Markup.Escape(bet.Bet.Id)}[/]  {Markup.Escape(bet.Bet.Title)}",
                $"output  {OutputBar(bet.Output)}   outcome {Bars.Bar(bet.OutcomeRatio)} {Bars.Percent(bet.OutcomeRatio)}"));
            foreach (var keyResult in bet.KeyResults)
            {
                var o = keyResult.Outcome;
                var metric = o.Ratio is null ? "[grey]no complete metric[/]" : $"{Bars.Number(o.Baseline)} → {Bars.Number(o.Current)} of {Markup.Escape(Bars.WithUnit(o.Target, o.Unit))}";
                var krNode = betNode.AddNode(Lines(
                    $"[bold]KR {Markup.Escape(keyResult.KeyResult.Id)}[/]  {Markup.Escape(keyResult.KeyResult.Title)}",
                    $"output  {OutputBar(keyResult.Output)}   outcome {Bars.Bar(o.Ratio)} {Bars.Percent(o.Ratio)} ({metric})"));
                foreach (var initiative in keyResult.Initiatives)
                {
                    krNode.AddNode(new Markup(InitiativeLine(initiative)));
                }
            }
        }
        return tree;
    }

    private static string InitiativeLine(InitiativeRollup i)
    {
        var c = i.Counts;
        var points = i.PointsRatio is { } p ? $" · {Bars.Percent(p)} of points" : "";
        return $"{Markup.Escape(i.Initiative.Id)}  {Markup.Escape(i.Initiative.Title)}  [grey]{c.Todo} todo · {c.InProgress} in progress · {c.Done} done · {c.Cancelled} cancelled[/]  {Bars.Bar(i.Ratio, 8)} {Bars.Percent(i.Ratio)}{points} · last activity {Bars.Date(i.LastActivity)}";
    }

    private static string OutputBar(Output output) => $"{Bars.Bar(output.Ratio)} {Bars.Percent(output.Ratio)} ({output.Done}/{output.Planned})";

    private static IRenderable Lines(params string[] lines) => new Rows(lines.Select(l => new Markup(l)));

    private static void WriteFindings(IAnsiConsole console, IReadOnlyList<Finding> findings)
    {
        console.MarkupLine($"[bold]Findings[/] ({findings.Count})");
        foreach (var group in findings.GroupBy(f => f.Kind).OrderBy(g => Order(g.Key)))
        {
            if (group.Key == FindingKinds.OrphanedWork)
            {
                console.MarkupLine($"  [yellow]{group.Key}[/] ({group.Count()}): listed under Orphaned work below");
                continue;
            }
            console.MarkupLine($"  [{Colour(group.Key)}]{group.Key}[/] ({group.Count()})");
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

    private static void WriteOrphans(IAnsiConsole console, IReadOnlyList<ItemAlignment> items, DateTimeOffset asOf)
    {
        var orphans = items.Where(a => a.Classification == Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.Item).ToList();
        console.MarkupLine($"[bold]Orphaned work[/] ({orphans.Count} open items serve no bet and are not declared operational)");
        foreach (var source in orphans.GroupBy(i => (i.Source, i.Container)).OrderBy(g => g.Key.Source.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Container, StringComparer.Ordinal))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(source.Key.Source.Value)} · {Markup.Escape(source.Key.Container)}[/] ({source.Count()})");
            foreach (var person in source.GroupBy(i => i.Assignee ?? "unassigned").OrderBy(g => g.Key == "unassigned").ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                console.MarkupLine($"    {Markup.Escape(person.Key)} ({person.Count()})");
                foreach (var item in person.OrderBy(i => i.Created))
                {
                    var age = (int)Math.Max(0, (asOf - item.Created).TotalDays);
                    console.MarkupLine($"      {Markup.Escape(item.Key)}  {Markup.Escape(item.Title)} [grey]· {item.State.ToName()} · {age} days old · {Markup.Escape(item.Url)}[/]");
                }
            }
        }
    }

    private static int Order(string kind)
    {
        var index = FindingKinds.All.ToList().IndexOf(kind);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Colour(string kind) => kind switch
    {
        FindingKinds.ContradictsNotDoing => "red",
        FindingKinds.OutputsWithoutOutcome => "red",
        FindingKinds.StaleInitiative => "grey",
        _ => "yellow",
    };
}
