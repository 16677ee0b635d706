using System.CommandLine;
using System.Globalization;
using OkrSync.Cli.Rendering;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync history [--weeks N]</c>: the weekly snapshots, week by week: the orphan rate, then each key result (with its
/// title) with its output and outcome per week, the change from the week before, and a sparkline of each. Weeks the first
/// sync backfilled are marked: they were reconstructed with today's strategy and labels.
/// </summary>
internal static class HistoryCommand
{
    public const int DefaultWeeks = 12;

    public static Command Create(CliContext context)
    {
        var store = CliOptions.Store();
        var weeks = new Option<int>("--weeks")
        {
            Description = $"How many recent weeks to show (a whole number, 1 or more; default {DefaultWeeks}).",
            DefaultValueFactory = _ => DefaultWeeks,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
                {
                    return value;
                }
                result.AddError($"--weeks: '{text}' is not a number of weeks (a whole number, 1 or more, e.g. --weeks 8)");
                return 0;
            },
        };
        var command = new Command("history", "Show the weekly snapshots: orphan rate and each key result's output and outcome, week by week.") { store, weeks };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(weeks);
            return await StoreScope.RunAsync(context, parse.GetValue(store), readOnly: true, async scope =>
            {
                var snapshots = new List<WeeklySnapshot>();
                await foreach (var snapshot in scope.Reports.ReadWeeklySnapshotsAsync(cancellationToken))
                {
                    snapshots.Add(snapshot);
                }
                if (snapshots.Count == 0)
                {
                    context.Out.WriteLine($"No weekly snapshots in {scope.Description} yet: 'okrsync sync' writes one per ISO week (and the first sync backfills the weeks before).");
                    return ExitCodes.Ok;
                }
                HistoryWriter.Write(context.Out, snapshots, count);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
