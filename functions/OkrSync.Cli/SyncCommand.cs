using System.CommandLine;
using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Sync;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync sync --strategy S --source SPEC... [--store SPEC] [--full [--allow-mass-removal]]</c>: pulls what changed
/// into the store, then realigns and stores the report and this week's snapshot. One summary line per source, then what
/// was written. When every source failed, nothing is realigned or stored; a failed source or a held reconcile exits 1.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var strategy = CliOptions.Strategy(required: false);
        var sources = CliOptions.Sources();
        var store = CliOptions.Store();
        var full = new Option<bool>("--full") { Description = "Reconcile: read everything and remove items that disappeared from the trackers." };
        var allowMassRemoval = new Option<bool>("--allow-mass-removal")
        {
            Description = "With --full, this once: remove what disappeared even when it is more than OkrSync:Reconcile:MaxRemovalShare of a source's items.",
        };
        var includePullRequests = CliOptions.IncludePullRequests();
        var command = new Command("sync", "Pull work into the store (incrementally), then realign and store the report.")
        {
            strategy, sources, store, full, allowMassRemoval, includePullRequests,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(allowMassRemoval) && !parse.GetValue(full))
            {
                return context.Fail("--allow-mass-removal only applies to a full sync (--full); nothing was synced.");
            }
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
            AlignmentOptions alignment;
            try
            {
                alignment = new AlignmentOptions(parse.GetValue(includePullRequests) || ReportAlignmentOptions.Bind(context.Configuration).IncludePullRequests);
            }
            catch (InvalidOperationException e)
            {
                return context.Fail(e.Message);
            }
            var pass = !parse.GetValue(full) ? SyncPass.Incremental : parse.GetValue(allowMassRemoval) ? SyncPass.FullAllowingMassRemoval : SyncPass.Full;
            return await StoreScope.RunAsync(
                context,
                parse.GetValue(store),
                readOnly: false,
                scope => RunAsync(context, scope, document, parse.GetValue(sources) ?? [], pass, alignment, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, StoreScope scope, StrategyDocument strategy, IReadOnlyList<string> specs, SyncPass pass, AlignmentOptions options, CancellationToken cancellationToken)
    {
        int backfillWeeks;
        try
        {
            backfillWeeks = Pipeline.History.HistoryBackfill.WeeksFrom(context.Configuration);
        }
        catch (InvalidOperationException e)
        {
            return context.Fail(e.Message);
        }
        using var services = CliServices.Build(context, scope);
        if (!CliServices.TryCreateSources(context, services, specs, out var sources))
        {
            return ExitCodes.Failed;
        }
        if (sources.Count == 0)
        {
            return context.Fail("no sources: give --source, or configure OkrSync:GitHub:Repositories / OkrSync:Jira:Projects");
        }
        var engine = services.GetRequiredService<SyncEngine>();
        var report = await WithProgressAsync(context, sources, progress => pass == SyncPass.Incremental
            ? engine.SyncAsync(sources, progress, cancellationToken)
            : engine.ReconcileAsync(sources, progress, allowMassRemoval: pass == SyncPass.FullAllowingMassRemoval, cancellationToken));
        foreach (var source in report.Sources)
        {
            (source.Succeeded ? context.Out.Profile.Out.Writer : context.Error).WriteLine(source.Summary());
        }
        foreach (var source in report.Sources.Where(s => s.Held is not null))
        {
            context.Error.WriteLine(source.Held!.Describe(source.SourceId));
        }
        if (report.AllFailed)
        {
            return context.Fail($"every source failed, so nothing was realigned or stored: {scope.Description} keeps its last report and weekly snapshot.");
        }
        if (report.FailedSources.Count > 0)
        {
            context.Error.WriteLine($"{report.FailedSources.Count} of {report.Sources.Count} sources failed: {string.Join(", ", report.FailedSources)}; the report and snapshot are from what the others read.");
        }
        var recomputed = await ReportRecomputer.RecomputeWithOutcomeAsync(scope.Items, scope.Cursors, scope.Reports, strategy, context.Clock.GetUtcNow(), options, scope.CheckIns, backfillWeeks, cancellationToken);
        if (recomputed.BackfilledWeeks > 0)
        {
            context.Out.WriteLine($"First sync of {scope.Description}: backfilled {recomputed.BackfilledWeeks} weekly snapshots from the items' created and closed times, computed with today's strategy and labels (an approximation; {Pipeline.History.HistoryBackfill.BackfillWeeksSetting} sets how many weeks, 0 for none).");
        }
        var written = report.Sources.Sum(s => s.Written + s.Deleted);
        var summary = recomputed.Report.Summary;
        context.Out.WriteLine(written == 0 && !recomputed.ReportWritten
            ? $"Nothing changed: no items written to {scope.Description}, report unchanged."
            : $"Stored in {scope.Description}: {report.Sources.Sum(s => s.Written)} items written, {report.Sources.Sum(s => s.Unchanged)} unchanged, {report.Sources.Sum(s => s.Deleted)} removed; report {(recomputed.ReportWritten ? "updated" : "unchanged")}{(recomputed.SnapshotWritten ? ", weekly snapshot written" : "")}.");
        var held = recomputed.HeldReconciles.Count == 0 ? "" : $", {recomputed.HeldReconciles.Count} {FindingKinds.ReconcileHeld} ({string.Join(", ", recomputed.HeldReconciles.Select(f => f.Subject))})";
        context.Out.WriteLine($"{summary.Total} items: {summary.Aligned} aligned, {summary.Operational} operational, {summary.OpenOrphaned} open orphaned ({Rendering.Bars.Percent(summary.OrphanRate)}), {summary.Contradicting} contradicting; {recomputed.FindingCount} findings{held}. See them with 'okrsync report'.");
        return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>
    /// A live progress display per source on a terminal, retries included; when output is redirected, one line per
    /// retry on standard error as it happens (so a tracker that cannot be reached is never silence).
    /// </summary>
    private static async Task<SyncReport> WithProgressAsync(CliContext context, IReadOnlyList<IWorkSource> sources, Func<IProgress<SourceProgress>?, Task<SyncReport>> run)
    {
        if (!context.Out.Profile.Capabilities.Interactive)
        {
            return await run(new RetryLines(context.Error));
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
                    var retry = p.Retry is { } r ? $", {r}" : "";
                    task.Description = Markup.Escape($"{p.SourceId}: {p.Items} items, {p.Pages} pages{limit}{retry}");
                    if (p.Completed)
                    {
                        task.Value = 1;
                    }
                }));
            });
        return result!;
    }

    /// <summary>Writes each retry at once, on the reporting thread (a <see cref="Progress{T}"/> would post it later).</summary>
    private sealed class RetryLines(TextWriter error) : IProgress<SourceProgress>
    {
        private readonly Lock gate = new();

        public void Report(SourceProgress value)
        {
            if (value.Retry is { } retry)
            {
                lock (gate)
                {
                    error.WriteLine($"{value.SourceId}: {retry}");
                }
            }
        }
    }
}

/// <summary>What <c>okrsync sync</c> runs: an incremental pass, or a full reconcile (optionally past the removal limit, this once).</summary>
internal enum SyncPass
{
    Incremental,
    Full,
    FullAllowingMassRemoval,
}
