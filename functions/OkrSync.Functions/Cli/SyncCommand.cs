using System.CommandLine;
using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Strategy;
using OkrSync.Functions.Pipeline;
using OkrSync.Functions.Sync;
using Spectre.Console;

namespace OkrSync.Functions.Cli;

/// <summary>
/// <c>okrsync sync --strategy S --source SPEC... [--store SPEC] [--full]</c>: pulls what changed into the store,
/// then realigns and stores the report and this week's snapshot. One summary line per source, then what was written.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var strategy = CliOptions.Strategy(required: false);
        var sources = CliOptions.Sources();
        var store = CliOptions.Store();
        var full = new Option<bool>("--full") { Description = "Reconcile: read everything and remove items that disappeared from the trackers." };
        var includePullRequests = CliOptions.IncludePullRequests();
        var command = new Command("sync", "Pull work into the store (incrementally), then realign and store the report.")
        {
            strategy, sources, store, full, includePullRequests,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var strategyPath = parse.GetValue(strategy) ?? context.Configuration["OkrSync:StrategyPath"];
            if (strategyPath is null)
            {
                return context.Fail("--strategy is required (or set OkrSync:StrategyPath)");
            }
            var loaded = await StrategyFile.LoadAsync(strategyPath, cancellationToken);
            if (loaded.Strategy is not { } document)
            {
                loaded.Errors.ToList().ForEach(e => context.Error.WriteLine(e.ToString()));
                return context.Fail($"{strategyPath} is not a valid strategy; nothing was synced.");
            }
            return await StoreScope.RunAsync(
                context,
                parse.GetValue(store),
                readOnly: false,
                scope => RunAsync(context, scope, document, parse.GetValue(sources) ?? [], parse.GetValue(full), new AlignmentOptions(parse.GetValue(includePullRequests)), cancellationToken),
                cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, StoreScope scope, StrategyDocument strategy, IReadOnlyList<string> specs, bool full, AlignmentOptions options, CancellationToken cancellationToken)
    {
        using var services = CliServices.Build(context, scope.Store);
        if (!CliServices.TryCreateSources(context, services, specs, out var sources))
        {
            return ExitCodes.Failed;
        }
        if (sources.Count == 0)
        {
            return context.Fail("no sources: give --source, or configure OkrSync:GitHub:Repositories / OkrSync:Jira:Projects");
        }
        var engine = services.GetRequiredService<SyncEngine>();
        var report = await WithProgressAsync(context, sources, progress => full
            ? engine.ReconcileAsync(sources, progress, cancellationToken)
            : engine.SyncAsync(sources, progress, cancellationToken));
        foreach (var source in report.Sources)
        {
            (source.Succeeded ? context.Out.Profile.Out.Writer : context.Error).WriteLine(source.Summary());
        }
        var recomputed = await ReportRecomputer.RecomputeWithOutcomeAsync(scope.Store, strategy, context.Clock.GetUtcNow(), options, cancellationToken);
        var written = report.Sources.Sum(s => s.Written + s.Deleted);
        var summary = recomputed.Report.Summary;
        context.Out.WriteLine(written == 0 && !recomputed.ReportWritten
            ? $"Nothing changed: no items written to {scope.Description}, report unchanged."
            : $"Stored in {scope.Description}: {report.Sources.Sum(s => s.Written)} items written, {report.Sources.Sum(s => s.Unchanged)} unchanged, {report.Sources.Sum(s => s.Deleted)} removed; report {(recomputed.ReportWritten ? "updated" : "unchanged")}{(recomputed.SnapshotWritten ? ", weekly snapshot written" : "")}.");
        context.Out.WriteLine($"{summary.Total} items: {summary.Aligned} aligned, {summary.Operational} operational, {summary.OpenOrphaned} open orphaned ({Rendering.Bars.Percent(summary.OrphanRate)}), {summary.Contradicting} contradicting; {recomputed.Report.Findings.Count} findings. See them with 'okrsync report'.");
        return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>A live progress display per source on a terminal; nothing extra when output is redirected.</summary>
    private static async Task<SyncReport> WithProgressAsync(CliContext context, IReadOnlyList<IWorkSource> sources, Func<IProgress<SourceProgress>?, Task<SyncReport>> run)
    {
        if (!context.Out.Profile.Capabilities.Interactive)
        {
            return await run(null);
        }
        SyncReport? result = null;
        await context.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async display =>
            {
                var tasks = sources.ToDictionary(s => s.Id, s => display.AddTask(Markup.Escape(s.Id), maxValue: 1), StringComparer.Ordinal);
                result = await run(new Progress<SourceProgress>(p =>
                {
                    var task = tasks[p.SourceId];
                    var limit = p.RateLimitRemaining is { } left ? $", rate limit left {left}" : "";
                    task.Description = Markup.Escape($"{p.SourceId}: {p.Items} items, {p.Pages} pages{limit}");
                    if (p.Completed)
                    {
                        task.Value = 1;
                    }
                }));
            });
        return result!;
    }
}
