using System.CommandLine;
using OkrSync.Cli.Rendering;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary><c>okrsync history</c>: the weekly snapshots, week by week: orphan rate and each key result's output and outcome.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var store = CliOptions.Store();
        var weeks = new Option<int>("--weeks")
        {
            Description = "How many recent weeks to show (1 or more).",
            DefaultValueFactory = _ => 12,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
                {
                    return value;
                }
                result.AddError($"--weeks: '{text}' is not a number of weeks (a whole number, 1 or more, e.g. --weeks 8)");
                return 0;
            },
        };
        var command = new Command("history", "Show the weekly snapshots: orphan rate and key result output/outcome, week by week.") { store, weeks };
        command.SetAction(async (parse, cancellationToken) =>
        {
            return await StoreScope.RunAsync(context, parse.GetValue(store), readOnly: true, async scope =>
            {
                var snapshots = new List<WeeklySnapshot>();
                await foreach (var snapshot in scope.Reports.ReadWeeklySnapshotsAsync(cancellationToken))
                {
                    snapshots.Add(snapshot);
                }
                if (snapshots.Count == 0)
                {
                    context.Out.WriteLine($"No weekly snapshots in {scope.Description} yet: 'okrsync sync' writes one per ISO week.");
                    return ExitCodes.Ok;
                }
                var titles = await TitlesAsync(scope, snapshots, cancellationToken);
                var shown = Math.Min(parse.GetValue(weeks), snapshots.Count);
                Write(context.Out, snapshots, snapshots.Count - shown, titles);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>Key result titles: from the newest snapshot that has one, else from the stored report (older snapshots kept only ids).</summary>
    private static async Task<Dictionary<string, string>> TitlesAsync(StoreScope scope, IReadOnlyList<WeeklySnapshot> snapshots, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trend in snapshots.SelectMany(s => s.KeyResults).Where(k => k.Title is not null))
        {
            titles[trend.Id] = trend.Title!;
        }
        if (await scope.Reports.ReadCurrentReportAsync(cancellationToken) is { } report)
        {
            foreach (var keyResult in report.KeyResults)
            {
                titles.TryAdd(keyResult.Id, keyResult.Title);
            }
        }
        return titles;
    }

    /// <summary>The weeks from <paramref name="first"/> on; each week's change is against the week before it, also for the first one shown.</summary>
    private static void Write(IAnsiConsole console, IReadOnlyList<WeeklySnapshot> all, int first, IReadOnlyDictionary<string, string> titles)
    {
        var snapshots = all.Skip(first).ToList();
        var summary = new Table().AddColumns("Week", "Items", "Open orphaned", "Orphan rate", "Change on the week before");
        for (var i = first; i < all.Count; i++)
        {
            var week = all[i];
            var change = i == 0 ? "first snapshot" : Delta(week.Summary, all[i - 1].Summary);
            summary.AddRow(week.IsoWeek, $"{week.Summary.Total}", $"{week.Summary.OpenOrphaned}", Bars.Percent(week.Summary.OrphanRate), Markup.Escape(change));
        }
        console.Write(summary);

        var trends = new Table().AddColumn("Key result (output / outcome)");
        foreach (var week in snapshots)
        {
            trends.AddColumn(week.IsoWeek);
        }
        foreach (var id in snapshots.SelectMany(s => s.KeyResults).Select(k => k.Id).Distinct(StringComparer.Ordinal))
        {
            var cells = snapshots.Select(s => s.KeyResults.FirstOrDefault(k => k.Id == id) is { } k ? $"{Bars.Percent(k.OutputRatio)} / {Bars.Percent(k.OutcomeRatio)}" : "");
            var name = titles.TryGetValue(id, out var title) ? $"{Markup.Escape(title)} [grey]({Markup.Escape(id)})[/]" : Markup.Escape(id);
            trends.AddRow([name, .. cells]);
        }
        console.Write(trends);
    }

    /// <summary>Open orphaned items and orphan rate against the week before: "▲3 orphaned, rate +2 pts (worse)".</summary>
    private static string Delta(SummaryJson now, SummaryJson before)
    {
        var orphans = now.OpenOrphaned - before.OpenOrphaned;
        var points = (int)Math.Round((now.OrphanRate - before.OrphanRate) * 100, MidpointRounding.AwayFromZero);
        var rate = points == 0 ? "rate unchanged" : $"rate {(points > 0 ? "+" : "−")}{Math.Abs(points)} pts";
        return orphans switch
        {
            > 0 => $"▲{orphans} orphaned, {rate} (worse)",
            < 0 => $"▼{-orphans} orphaned, {rate} (better)",
            _ => points switch
            {
                > 0 => $"= orphaned, {rate} (worse)",
                < 0 => $"= orphaned, {rate} (better)",
                _ => "no change",
            },
        };
    }
}
