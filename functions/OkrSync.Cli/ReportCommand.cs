using System.CommandLine;
using OkrSync.Cli.Rendering;
using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Storage;
using OkrSync.Storage.Tables;
using OkrSync.Trackers;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync report --strategy S --source SPEC... [--as-of DATE] [--format text|json|markdown]</c>:
/// aligns the work with the strategy and prints the tree, the findings and the orphaned work.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var strategy = CliOptions.Strategy(required: false);
        var store = CliOptions.Store();
        var sources = CliOptions.Sources();
        var asOf = CliOptions.AsOf();
        var format = CliOptions.Format();
        var includePullRequests = CliOptions.IncludePullRequests();
        var storyPoints = CliOptions.JiraStoryPointsField();
        var command = new Command("report", "Align work with the strategy: rollup tree, findings and orphaned work.")
        {
            strategy, sources, asOf, format, includePullRequests, storyPoints, store,
        };
        command.Add(ReportEmailCommand.Create(context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specs = parse.GetValue(sources) ?? [];
            var strategyPath = parse.GetValue(strategy) ?? context.Configuration["OkrSync:StrategyPath"];
            var options = new AlignmentOptions(parse.GetValue(includePullRequests));
            if (specs.Length == 0)
            {
                if (parse.GetValue(asOf) is not null && strategyPath is null)
                {
                    return context.Fail("--as-of needs --strategy (or OkrSync:StrategyPath) when the report comes from the store: the stored report is as of its last sync; with a strategy, what the store holds is realigned as of --as-of.");
                }
                return await FromStoreAsync(context, parse.GetValue(store), strategyPath, parse.GetValue(asOf), parse.GetValue(format) ?? "text", options, cancellationToken);
            }
            if (strategyPath is null)
            {
                return context.Fail("--strategy is required with --source");
            }
            if (parse.GetValue(store) is { } storeSpec)
            {
                return context.Fail(StoreSpecError(context, storeSpec) is { } reason
                    ? $"--store {storeSpec}: {reason}"
                    : $"--store is not used with --source: 'report --source' reads the sources directly and stores nothing; use 'okrsync sync --store {storeSpec}' to keep the results, or drop --source to report from the store.");
            }
            using var services = CliServices.Build(context.WithSetting("OkrSync:Jira:StoryPointsField", parse.GetValue(storyPoints)));
            if (!CliServices.TryCreateSources(context, services, specs, out var resolved))
            {
                return ExitCodes.Failed;
            }
            return await RunAsync(
                context,
                strategyPath,
                resolved,
                parse.GetValue(asOf) ?? context.Clock.GetUtcNow(),
                parse.GetValue(format) ?? "text",
                options,
                [],
                cancellationToken);
        });
        return command;
    }

    /// <summary>Aligns the sources' items with the strategy and prints the report, with <paramref name="heldReconciles"/> (from a store) first among its findings.</summary>
    public static async Task<int> RunAsync(CliContext context, string strategyPath, IReadOnlyList<IWorkSource> sources, DateTimeOffset asOf, string format, AlignmentOptions options, IReadOnlyList<FindingJson> heldReconciles, CancellationToken cancellationToken, IReadOnlyList<OkrSync.Core.Metrics.CheckIn>? checkIns = null)
    {
        var loaded = await StrategyFile.LoadAsync(strategyPath, cancellationToken);
        if (loaded.Strategy is not { } strategy)
        {
            foreach (var error in loaded.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }
            return context.Fail($"{strategyPath} is not a valid strategy; nothing was reported (run 'okrsync validate {strategyPath}').");
        }
        IReadOnlyList<WorkItem> items;
        try
        {
            items = await WorkItemSet.ReadAllAsync(sources, cancellationToken);
        }
        catch (Exception e) when (e is SourceFormatException or HttpRequestException or Octokit.ApiException)
        {
            return context.Fail(e.Message);
        }
        var report = ReportBuilder.Build(new StrategyIndex(strategy), items, asOf, options, checkIns ?? []);
        Render(context, HeldReconcileFindings.AddTo(report.ToDocument(), heldReconciles), format);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// No <c>--source</c>: with a strategy, realign what the store holds as of <paramref name="asOf"/>; without one,
    /// show the report the last sync stored.
    /// </summary>
    private static async Task<int> FromStoreAsync(CliContext context, string? storeSpec, string? strategyPath, DateTimeOffset? asOf, string format, AlignmentOptions options, CancellationToken cancellationToken)
    {
        return await StoreScope.RunAsync(context, storeSpec, readOnly: true, async scope =>
        {
            if (strategyPath is null)
            {
                var stored = await scope.Reports.ReadCurrentReportAsync(cancellationToken);
                if (stored is null)
                {
                    return context.Fail($"{scope.Description} holds no report yet: run 'okrsync sync --strategy FILE --source SPEC' first, or give --source.");
                }
                Render(context, stored, format);
                return ExitCodes.Ok;
            }
            var items = new List<WorkItem>();
            await foreach (var item in scope.Items.ReadAllItemsWithoutBodiesAsync(cancellationToken))
            {
                items.Add(item);
            }
            var held = await HeldReconcileFindings.ReadAsync(scope.Cursors, cancellationToken);
            var checkIns = new List<Core.Metrics.CheckIn>();
            await foreach (var checkIn in scope.CheckIns.ReadAllCheckInsAsync(cancellationToken))
            {
                checkIns.Add(checkIn);
            }
            return await RunAsync(context, strategyPath, [new FixedSource(items)], asOf ?? context.Clock.GetUtcNow(), format, options, held, cancellationToken, checkIns);
        }, cancellationToken);
    }

    /// <summary>Why <paramref name="spec"/> is not a store, or null when it is one.</summary>
    private static string? StoreSpecError(CliContext context, string spec)
    {
        try
        {
            StoreSpec.Parse(spec, TableStorageOptions.FromConfiguration(context.Configuration));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    /// <summary>Items already read (from the store) as a source.</summary>
    private sealed class FixedSource(IReadOnlyList<WorkItem> items) : IWorkSource
    {
        public string Id => "store";

        public async IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return new WorkPage(items, null);
        }
    }

    public static void Render(CliContext context, ReportDocument report, string format)
    {
        switch (format)
        {
            case "json":
                context.WriteRaw(JsonReportWriter.Write(report) + Environment.NewLine);
                break;
            case "markdown":
                context.WriteRaw(MarkdownReportWriter.Write(report));
                break;
            default:
                if (context.Redirected && context.RawOut is { } plain)
                {
                    TextReportWriter.WriteUnwrapped(context.Out, plain, report);
                }
                else
                {
                    TextReportWriter.Write(context.Out, report);
                }
                break;
        }
    }
}
