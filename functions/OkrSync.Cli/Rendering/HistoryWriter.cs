using System.Globalization;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Cli.Rendering;

/// <summary>The weekly snapshots as tables: the orphan rate by week, then one table per key result with sparklines.</summary>
internal static class HistoryWriter
{
    private const string Ticks = "▁▂▃▄▅▆▇█";

    /// <summary>The last <paramref name="shown"/> of <paramref name="all"/>; the first one shown is compared with the week before it when there is one.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<WeeklySnapshot> all, int shown)
    {
        var first = Math.Max(0, all.Count - shown);
        var snapshots = all.Skip(first).ToList();
        var summary = new Table().AddColumns("Week", "Items", "Open orphaned", "Orphan rate", "Change on the week before");
        var previous = first > 0 ? all[first - 1] : null;
        foreach (var week in snapshots)
        {
            var change = previous is null ? "first snapshot" : Delta(week.Summary.OpenOrphaned - previous.Summary.OpenOrphaned);
            summary.AddRow(WeekLabel(week), $"{week.Summary.Total}", $"{week.Summary.OpenOrphaned}", Bars.Percent(week.Summary.OrphanRate), change);
            previous = week;
        }
        console.Write(summary);
        console.MarkupLine($"orphan rate  {Sparkline(snapshots.Select(s => (double?)s.Summary.OrphanRate))}");
        console.WriteLine();

        var ids = snapshots.SelectMany(s => s.KeyResults).Select(k => k.Id).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            var rows = snapshots.Select(s => (Week: s, Trend: s.KeyResults.FirstOrDefault(k => k.Id == id))).ToList();
            var title = rows.Select(r => r.Trend?.Title).LastOrDefault(t => t is not null);
            console.MarkupLine($"[bold]KR {Markup.Escape(id)}[/]{(title is null ? "" : "  " + Markup.Escape(title))}");
            var table = new Table().AddColumns("Week", "Output", "Outcome", "Change on the week before");
            var before = first > 0 ? all[first - 1].KeyResults.FirstOrDefault(k => k.Id == id) : null;
            foreach (var (week, trend) in rows)
            {
                if (trend is null)
                {
                    table.AddRow(WeekLabel(week), "[grey]not in the strategy then[/]", "", "");
                    before = null;
                    continue;
                }
                table.AddRow(WeekLabel(week), Output(trend), Outcome(trend), before is null ? "" : Change(before, trend));
                before = trend;
            }
            console.Write(table);
            console.MarkupLine($"  output   {Sparkline(rows.Select(r => r.Trend?.OutputRatio))}");
            console.MarkupLine($"  outcome  {Sparkline(rows.Select(r => r.Trend?.OutcomeRatio))}");
            console.WriteLine();
        }
        if (snapshots.Any(s => s.Backfilled))
        {
            console.MarkupLine("[grey]* backfilled by the first sync from the items' created and closed times, computed with today's strategy and labels (an approximation).[/]");
        }
    }

    private static string WeekLabel(WeeklySnapshot week) => week.Backfilled ? week.IsoWeek + " *" : week.IsoWeek;

    private static string Output(KeyResultTrend trend) => $"{Bars.Percent(trend.OutputRatio)} ({trend.Done}/{trend.Planned})";

    private static string Outcome(KeyResultTrend trend) => trend.Current is { } value
        ? $"{Number(value)} ({Bars.Percent(trend.OutcomeRatio)})"
        : Bars.Percent(trend.OutcomeRatio);

    private static string Change(KeyResultTrend before, KeyResultTrend now)
    {
        var output = Points(now.OutputRatio - before.OutputRatio);
        var outcome = now.Current is { } c && before.Current is { } b
            ? Signed(c - b)
            : now.OutcomeRatio is { } o && before.OutcomeRatio is { } p ? Points(o - p) : "?";
        return $"output {output}, outcome {outcome}";
    }

    private static string Points(double delta) => Math.Abs(delta) < 0.005 ? "=" : $"{(delta > 0 ? "+" : "−")}{Math.Abs(delta * 100).ToString("0", CultureInfo.InvariantCulture)} pts";

    private static string Signed(double delta) => Math.Abs(delta) < 1e-9 ? "=" : $"{(delta > 0 ? "+" : "−")}{Number(Math.Abs(delta))}";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// One block per week on a fixed scale from 0 to 100% (widened when a ratio falls outside it), so that a move of a
    /// point or two looks like one and not like a jump; a gap for a week without a value.
    /// </summary>
    public static string Sparkline(IEnumerable<double?> values)
    {
        var list = values.ToList();
        var known = list.OfType<double>().ToList();
        if (known.Count == 0)
        {
            return "[grey]no values[/]";
        }
        double low = Math.Min(0, known.Min()), high = Math.Max(1, known.Max());
        return string.Concat(list.Select(v => v is not { } x ? ' ' : high == low ? Ticks[3] : Ticks[(int)Math.Round((x - low) / (high - low) * (Ticks.Length - 1))]));
    }

    private static string Delta(int change) => change switch
    {
        > 0 => $"▲{change} (worse)",
        < 0 => $"▼{-change} (better)",
        _ => "=",
    };
}
