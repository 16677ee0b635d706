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
        var weeks = new Option<int>("--weeks") { Description = "How many recent weeks to show.", DefaultValueFactory = _ => 12 };
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
                Write(context.Out, [.. snapshots.TakeLast(Math.Max(1, parse.GetValue(weeks)))]);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<WeeklySnapshot> snapshots)
    {
        var summary = new Table().AddColumns("Week", "Items", "Open orphaned", "Orphan rate", "Change");
        WeeklySnapshot? previous = null;
        foreach (var week in snapshots)
        {
            var change = previous is null ? "" : Delta(week.Summary.OpenOrphaned - previous.Summary.OpenOrphaned);
            summary.AddRow(week.IsoWeek, $"{week.Summary.Total}", $"{week.Summary.OpenOrphaned}", Bars.Percent(week.Summary.OrphanRate), change);
            previous = week;
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
            trends.AddRow([Markup.Escape(id), .. cells]);
        }
        console.Write(trends);
    }

    private static string Delta(int change) => change switch
    {
        > 0 => $"▲{change} (worse)",
        < 0 => $"▼{-change} (better)",
        _ => "=",
    };
}
