using System.CommandLine;
using OkrSync.Cli.Demo;
using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Sync;
using OkrSync.Storage.Sqlite;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync demo</c>: the real pipeline on a built-in sample company, offline and with no credentials. It writes the
/// sample workspace to <c>.okrsync/demo/</c>, syncs it into the embedded store, stores the report and this week's
/// snapshot, and prints the report. Follow-up commands (<c>report</c>, <c>history</c>, <c>report email</c>) read that store.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultStore = "sqlite:" + SqliteStoreOptions.DefaultPath;

    public static Command Create(CliContext context)
    {
        var format = CliOptions.Format();
        var store = new Option<string>("--store")
        {
            Description = $"Where to keep the demo's results (default {DefaultStore}; configuration is ignored so the demo never touches a real store).",
            DefaultValueFactory = _ => DefaultStore,
        };
        var command = new Command("demo", "Run the whole pipeline on a built-in sample company (Acme Cloud), into the embedded store.") { format, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var now = context.Clock.GetUtcNow();
            var directory = Path.GetFullPath(Path.Combine(context.WorkingDirectory, ".okrsync", "demo"));
            // Dated from the start of today, so that running the demo twice in a day changes nothing.
            var paths = DemoWorkspace.WriteTo(directory, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), overwrite: true);
            var strategy = StrategyLoader.Load(DemoWorkspace.StrategyYaml(), paths[0]).Strategy!;
            return await StoreScope.RunAsync(context, parse.GetValue(store), readOnly: false, async scope =>
            {
                using var services = CliServices.Build(context, scope);
                if (!CliServices.TryCreateSources(context, services, [$"github-export:{paths[1]}", $"jira-export:{paths[2]}"], out var sources))
                {
                    return ExitCodes.Failed;
                }
                var sync = await services.GetRequiredService<SyncEngine>().SyncAsync(sources, null, cancellationToken);
                if (!sync.Succeeded)
                {
                    return context.Fail(string.Join("; ", sync.Sources.Where(s => !s.Succeeded).Select(s => s.Summary())));
                }
                foreach (var checkIn in Demo.DemoCheckIns.For(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero)))
                {
                    await scope.CheckIns.AppendCheckInAsync(checkIn, cancellationToken);
                }
                var recomputed = await ReportRecomputer.RecomputeWithOutcomeAsync(scope.Items, scope.Cursors, scope.Reports, strategy, now, AlignmentOptions.Default, scope.CheckIns, Pipeline.History.HistoryBackfill.DefaultWeeks, cancellationToken);
                var formatName = parse.GetValue(format) ?? "text";
                ReportCommand.Render(context, recomputed.Report.ToDocument() with { Findings = recomputed.Stored?.Findings ?? recomputed.Report.ToDocument().Findings }, formatName);
                if (formatName == "text")
                {
                    context.Out.WriteLine();
                    context.Out.WriteLine($"The sample workspace is in {directory}; the results are stored in {scope.Description} ({sync.Sources.Sum(s => s.Written)} items written, {sync.Sources.Sum(s => s.Unchanged)} unchanged).");
                    if (recomputed.BackfilledWeeks > 0)
                    {
                        context.Out.WriteLine($"History: {recomputed.BackfilledWeeks} past weeks backfilled from the items' created and closed times (with today's strategy and labels), and a few check-ins recorded, so 'okrsync history' shows trends at once.");
                    }
                    context.Out.WriteLine("Next: 'okrsync report email --dry-run' for this week's e-mail, 'okrsync history' for the weekly trend, 'okrsync init DIR' to start your own.");
                }
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
