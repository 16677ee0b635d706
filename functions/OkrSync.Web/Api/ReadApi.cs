using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Api;

/// <summary>
/// The read API's handlers, one per route, shared by <c>okrsync serve</c> (<see cref="ApiEndpoints.MapReadApi"/>) and
/// the function app (one <c>[Function]</c> per route). A missing or invalid strategy is a 503 that says so.
/// </summary>
public static class ReadApi
{
    /// <summary><c>GET /api/strategy</c>: the strategy as loaded.</summary>
    public static Task<IResult> StrategyAsync(StrategyProvider strategy, CancellationToken cancellationToken = default) =>
        Guarded(async () => Json(JsonSerializer.Serialize(StrategyJson.From((await strategy.GetAsync(cancellationToken)).Strategy), ApiJsonContext.Default.StrategyJson)));

    /// <summary><c>GET /api/rollup</c>: the stored report in the CLI's JSON contract, with an ETag.</summary>
    public static async Task<IResult> RollupAsync(IReportStore reports, RollupResponses responses, HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(responses);
        return await reports.ReadCurrentReportAsync(cancellationToken) is { } report ? responses.For(report, request) : NoReport();
    }

    /// <summary><c>GET /api/findings</c>: the report's findings and one <c>poison-event</c> per poisoned message.</summary>
    public static async Task<IResult> FindingsAsync(IReportStore reports, IEventQueue queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var report = await reports.ReadCurrentReportAsync(cancellationToken);
        IReadOnlyList<FindingJson> findings = [.. report?.Findings ?? [], .. await PoisonFindings.ReadAsync(queue, cancellationToken)];
        return Json(JsonSerializer.Serialize(findings, ReportJsonContext.Readable.IReadOnlyListFindingJson));
    }

    /// <summary><c>GET /api/orphans</c>: open orphaned work, from the live report (the stored one keeps no items).</summary>
    public static Task<IResult> OrphansAsync(LiveReport live, CancellationToken cancellationToken = default) => Guarded(async () =>
    {
        if (await live.CurrentAsync(cancellationToken) is not { } report)
        {
            return NoReport();
        }
        IReadOnlyList<WorkItemJson> orphans = [.. report.Items.Where(a => a.Classification == Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.ToJson())];
        return Json(JsonSerializer.Serialize(orphans, ReportJsonContext.Readable.IReadOnlyListWorkItemJson));
    });

    /// <summary><c>GET /api/items/{key}</c>: one item, aligned; the key is decoded once from the request target.</summary>
    public static Task<IResult> ItemAsync(HttpContext http, string key, IItemStore items, StrategyProvider strategy, CancellationToken cancellationToken = default) => Guarded(async () =>
    {
        ArgumentNullException.ThrowIfNull(http);
        var itemKey = ItemLookup.KeyFromTarget(http.Features.Get<IHttpRequestFeature>()?.RawTarget, key);
        return await ItemLookup.FindAsync(items, await strategy.GetAsync(cancellationToken), itemKey, cancellationToken) is { } item
            ? Json(JsonSerializer.Serialize(item, ReportJsonContext.Readable.WorkItemJson))
            : Error(StatusCodes.Status404NotFound, $"no work item '{itemKey}'");
    });

    /// <summary><c>GET /api/health</c>: 503 when unhealthy.</summary>
    public static async Task<IResult> HealthAsync(ICursorStore cursors, IReportStore reports, IEventQueue queue, StrategyProvider strategy, WebhookTrust webhooks, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var health = await HealthCheck.RunAsync(cursors, reports, queue, strategy, webhooks, configuration, cancellationToken);
        return Json(JsonSerializer.Serialize(health, ApiJsonContext.Default.HealthJson), health.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    public static IResult Error(int status, string error) => Json(JsonSerializer.Serialize(new ApiError(error), ApiJsonContext.Default.ApiError), status);

    private static async Task<IResult> Guarded(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (StrategyUnavailableException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    private static IResult NoReport() => Error(StatusCodes.Status404NotFound, "no report yet: the first sync has not run");

    private static IResult Json(string json, int status = StatusCodes.Status200OK) => Results.Text(json, "application/json", statusCode: status);
}
