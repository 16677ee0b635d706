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
        var weeks = new Option<string?>("--weeks") { Description = $"How many recent weeks to show (a whole number of at least 1; default {DefaultWeeks})." };
        var command = new Command("history", "Show the weekly snapshots: orphan rate and each key result's output and outcome, week by week.") { store, weeks };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(weeks);
            var count = DefaultWeeks;
            if (text is not null && (!int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out count) || count < 1))
            {
                return context.Fail($"--weeks must be a whole number of weeks, at least 1 (e.g. --weeks 8), not '{text}'");
            }
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
                HistoryWriter.Write(context.Out, [.. snapshots.TakeLast(count)]);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
