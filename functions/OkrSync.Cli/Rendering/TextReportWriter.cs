using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Cli.Rendering;

/// <summary>
/// The human report, from the JSON contract: bets (with what each is not doing) → key results → initiatives with
/// output and outcome bars, each flagged node marked inline (<c>⚠ done but flat</c>, <c>✖ contradicts</c>,
/// <c>○ idle</c>), then findings, then the orphaned work grouped by source and assignee. On a terminal every tree line
/// fits its width (titles are shortened, never wrapped); redirected, nothing is shortened or wrapped.
/// </summary>
internal static class TextReportWriter
{
    private const string Grey = "grey";

    /// <summary>To a terminal (or a test console) as wide as <paramref name="console"/>'s profile.</summary>
    public static void Write(IAnsiConsole console, ReportDocument report) => Write(new TextReportOutput(console, console.Profile.Width, null), report);

    /// <summary>To <paramref name="plain"/>, unstyled, one line per line whatever its length: output redirected to a file or a pipe.</summary>
    public static void WriteUnwrapped(IAnsiConsole console, TextWriter plain, ReportDocument report) => Write(new TextReportOutput(console, null, plain), report);

    private static void Write(TextReportOutput output, ReportDocument report)
    {
        var s = report.Summary;
        output.Line(new TextLine(new TextPart(report.Strategy, "bold", TextFit.Shorten), new TextPart($" · as of {Bars.Date(report.AsOf)}")));
        if (Measurement.Commit(report) is { } commit)
        {
            output.Line(new TextLine(new TextPart(commit, Grey, TextFit.Shorten)));
        }
        output.Prose(new TextLine(
            new TextPart($"{s.Total} items: "),
            new TextPart($"{s.Aligned} aligned", "green"), new TextPart(", "),
            new TextPart($"{s.Operational} operational", "blue"), new TextPart(", "),
            new TextPart($"{s.Orphaned} orphaned", "yellow"), new TextPart(", "),
            new TextPart($"{s.Contradicting} contradicting", "red"),
            new TextPart($" · orphan rate {Bars.Percent(s.OrphanRate)} of open non-operational work")));
        output.Blank();
        StrategyTree(output, report);
        output.Blank();
        InvestmentText.Write(output, report);
        WriteFindings(output, report.Findings);
        output.Blank();
        WriteOrphans(output, report.WorkItems, report.AsOf);
    }

    private static void StrategyTree(TextReportOutput output, ReportDocument report)
    {
        var initiatives = report.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var marks = Marks(report.Findings);
        var contradictions = Contradictions(report);
        output.Line(new TextLine(new TextPart("Strategy", "bold"), new TextPart("  (output = work done / planned; outcome = metric progress from baseline to target)", Grey, TextFit.Drop)));
        for (var b = 0; b < report.Bets.Count; b++)
        {
            var bet = report.Bets[b];
            var (head, rest) = Guides("", b == report.Bets.Count - 1);
            output.Line(Titled(head, [new TextPart($"◆ {bet.Id}", "bold")], bet.Title, Marked(marks, bet.Id, contradictions.ForBet(bet.Id))));
            output.Line(new TextLine(new TextPart(rest, Grey), new TextPart($"output  {OutputBar(bet.Output)} · outcome {Bars.Bar(bet.Outcome.Ratio)} {Bars.Percent(bet.Outcome.Ratio)}")));
            output.Line(InvestmentText.PositionLine(rest, bet));
            output.Line(InvestmentText.ShareLine(rest, bet, report.Investment));
            NotDoing(output, rest, bet, contradictions);
            for (var k = 0; k < bet.KeyResults.Count; k++)
            {
                var keyResult = bet.KeyResults[k];
                var (krHead, krRest) = Guides(rest, k == bet.KeyResults.Count - 1);
                var o = keyResult.Outcome;
                var metric = o.Ratio is null ? "no complete metric" : $"{Bars.Number(o.Baseline)} → {Bars.Number(o.Current)} of {Bars.WithUnit(o.Target, o.Unit)}";
                output.Line(Titled(krHead, [new TextPart($"KR {keyResult.Id}", "bold")], keyResult.Title, Marked(marks, keyResult.Id, [])));
                output.Line(new TextLine(
                    new TextPart(krRest, Grey),
                    new TextPart($"output  {OutputBar(keyResult.Output)} · outcome {Bars.Bar(o.Ratio)} {Bars.Percent(o.Ratio)}"),
                    new TextPart($" ({metric})", o.Ratio is null ? Grey : null, TextFit.Drop)));
                output.Line(new TextLine(new TextPart(krRest, Grey), new TextPart($"current value {Measurement.Describe(o)}", Grey, TextFit.Shorten)));
                for (var i = 0; i < keyResult.Initiatives.Count; i++)
                {
                    var initiative = initiatives[keyResult.Initiatives[i]];
                    var (iHead, iRest) = Guides(krRest, i == keyResult.Initiatives.Count - 1);
                    var title = Titled(iHead, [new TextPart(initiative.Id)], initiative.Title, Marked(marks, initiative.Id, []));
                    var stats = InitiativeLine(iRest, initiative);
                    var oneLine = new TextLine([.. title.Parts, new TextPart("  "), .. stats.Parts.Skip(1)]);
                    if (output.Fits(oneLine))
                    {
                        output.Line(oneLine);
                    }
                    else
                    {
                        output.Line(title);
                        output.Line(stats);
                    }
                }
            }
        }
    }

    /// <summary>The bet's "not doing" list, one line each, with how much work contradicts it.</summary>
    private static void NotDoing(TextReportOutput output, string rest, BetJson bet, ContradictionIndex contradictions)
    {
        if (bet.NotDoing.Count == 0)
        {
            output.Line(new TextLine(new TextPart(rest, Grey), new TextPart("not doing: nothing declared", Grey)));
            return;
        }
        output.Line(new TextLine(new TextPart(rest, Grey), new TextPart("not doing:", Grey)));
        foreach (var notDoing in bet.NotDoing)
        {
            var count = contradictions.ForNotDoing(notDoing.Id);
            var labels = notDoing.Labels.Count == 0 ? "" : $" [{string.Join(", ", notDoing.Labels)}]";
            output.Line(new TextLine(
                new TextPart(rest, Grey),
                new TextPart("  ✗ "),
                new TextPart(notDoing.Title, null, TextFit.Shorten),
                new TextPart(labels, Grey, TextFit.Drop),
                new TextPart(count == 0 ? "" : $"  ✖ contradicted by {count} item{(count == 1 ? "" : "s")}", "red")));
        }
    }

    private static TextLine Titled(string guide, IReadOnlyList<TextPart> head, string title, IReadOnlyList<(string Mark, FindingSeverity Severity)> marks)
    {
        List<TextPart> parts = [new(guide, Grey), .. head, new("  "), new(title, null, TextFit.Shorten)];
        foreach (var (mark, severity) in marks)
        {
            parts.Add(new TextPart("  "));
            parts.Add(new TextPart(mark, $"bold {Colour(severity)}"));
        }
        return new TextLine([.. parts]);
    }

    private static TextLine InitiativeLine(string guide, InitiativeJson i)
    {
        var c = i.Counts;
        return new TextLine(
            new TextPart(guide, Grey),
            new TextPart($"{c.Todo} todo · {c.InProgress} in progress · {c.Done} done · {c.Cancelled} cancelled", Grey),
            new TextPart($"  {Bars.Bar(i.Ratio, 8)} {Bars.Percent(i.Ratio)}"),
            new TextPart(i.PointsRatio is { } p ? $" · {Bars.Percent(p)} of points" : "", null, TextFit.Drop),
            new TextPart($" · last activity {Bars.Date(i.LastActivity)}", Grey, TextFit.Drop));
    }

    /// <summary>The guide of a node's first line and of its following lines (and its children's prefix).</summary>
    private static (string Head, string Next) Guides(string prefix, bool last) =>
        (prefix + (last ? "└─ " : "├─ "), prefix + (last ? "   " : "│  "));

    private static string OutputBar(OutputJson output) => $"{Bars.Bar(output.Ratio)} {Bars.Percent(output.Ratio)} ({output.Done}/{output.Planned})";

    /// <summary>Findings by the id of the bet, key result or initiative they are about (ids are unique across a strategy).</summary>
    private static ILookup<string, FindingJson> Marks(IReadOnlyList<FindingJson> findings) => findings.ToLookup(f => f.Subject, StringComparer.Ordinal);

    private static List<(string Mark, FindingSeverity Severity)> Marked(ILookup<string, FindingJson> marks, string id, IEnumerable<(string, FindingSeverity)> extra) =>
    [
        .. marks[id].Select(f => FindingKinds.Describe(f.Kind)).DistinctBy(k => k.Name).OrderBy(k => FindingKinds.Order(k.Name)).Select(k => (k.Mark, k.Severity)),
        .. extra,
    ];

    private static ContradictionIndex Contradictions(ReportDocument report)
    {
        var perNotDoing = report.WorkItems
            .Where(i => i.Classification == "contradicting" && i.State != "cancelled")
            .SelectMany(i => i.Contradicts)
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var perBet = report.Findings.Where(f => f.Kind == FindingKinds.ContradictsNotDoing && f.BetId is not null)
            .GroupBy(f => f.BetId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ContradictionIndex(perNotDoing, perBet);
    }

    private sealed record ContradictionIndex(Dictionary<string, int> PerNotDoing, Dictionary<string, int> PerBet)
    {
        public int ForNotDoing(string id) => PerNotDoing.GetValueOrDefault(id);

        public IEnumerable<(string, FindingSeverity)> ForBet(string betId) =>
            PerBet.TryGetValue(betId, out var count)
                ? [($"{FindingKinds.Describe(FindingKinds.ContradictsNotDoing).Mark} ({count})", FindingSeverity.Critical)]
                : [];
    }

    private static void WriteFindings(TextReportOutput output, IReadOnlyList<FindingJson> findings)
    {
        output.Line(new TextLine(new TextPart("Findings", "bold"), new TextPart($" ({findings.Count})")));
        foreach (var group in findings.GroupBy(f => f.Kind).OrderBy(g => FindingKinds.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var kind = FindingKinds.Describe(group.Key);
            var heading = new List<TextPart>
            {
                new("  "), new(kind.Title, Colour(kind.Severity)), new(" · ", Grey), new($"{kind.Name} ({group.Count()})"),
            };
            if (kind.Section == DigestSection.OrphanList)
            {
                output.Prose(new TextLine([.. heading, new(": listed below")]));
                continue;
            }
            output.Prose(new TextLine([.. heading]));
            foreach (var finding in group)
            {
                output.Prose(new TextLine(new TextPart("    • "), new TextPart(finding.Subject, "bold"), new TextPart($": {finding.Message}")));
            }
        }
        if (findings.Count == 0)
        {
            output.Line(new TextLine(new TextPart("  none: the work and the strategy agree", "green")));
        }
    }

    private static void WriteOrphans(TextReportOutput output, IReadOnlyList<WorkItemJson> items, DateTimeOffset asOf)
    {
        var orphans = Orphans(items).ToList();
        output.Prose(new TextLine(new TextPart("Orphaned work", "bold"), new TextPart($" ({orphans.Count} open items serve no bet and are not declared operational)")));
        foreach (var source in orphans.GroupBy(i => (i.Source, i.Container)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Container, StringComparer.Ordinal))
        {
            output.Line(new TextLine(new TextPart("  "), new TextPart($"{source.Key.Source} · {source.Key.Container}", "bold", TextFit.Shorten), new TextPart($" ({source.Count()})")));
            foreach (var person in source.GroupBy(i => i.Assignee ?? "unassigned").OrderBy(g => g.Key == "unassigned").ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                output.Line(new TextLine(new TextPart("    "), new TextPart(person.Key, null, TextFit.Shorten), new TextPart($" ({person.Count()})")));
                foreach (var item in person.OrderBy(i => i.Created))
                {
                    output.Line(new TextLine(
                        new TextPart("      "),
                        new TextPart(item.Key),
                        new TextPart("  "),
                        new TextPart(item.Title, null, TextFit.Shorten),
                        new TextPart($" · {item.State} · {AgeDays(item, asOf)} days old", Grey),
                        new TextPart($" · {item.Url}", Grey, TextFit.Drop)));
                }
            }
        }
    }

    /// <summary>Whole days from the item's creation to the report's instant.</summary>
    public static int AgeDays(WorkItemJson item, DateTimeOffset asOf) => (int)Math.Max(0, (asOf - item.Created).TotalDays);

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
