using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers;

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

    /// <summary>
    /// <c>GET /api/findings</c>: the report's findings and one <c>poison-event</c> per poisoned message, most urgent kind
    /// first; filtered and paged by <see cref="ApiQuery"/>. 404 before the first report, like <c>/api/rollup</c>.
    /// </summary>
    public static async Task<IResult> FindingsAsync(IReportStore reports, IEventQueue queue, LiveReport live, HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiQuery.TryParse(request.Query, out var query, out var error))
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }
        var report = await reports.ReadCurrentReportAsync(cancellationToken);
        var poisoned = await PoisonFindings.ReadAsync(queue, cancellationToken);
        if (report is null && poisoned.Count == 0)
        {
            return NoReport(); // like /api/rollup; events that could not be applied are shown even before the first report
        }
        IReadOnlyList<FindingJson> findings = [.. report?.Findings ?? [], .. poisoned];
        Dictionary<string, WorkItemJson>? items = null;
        if (query.Assignee is not null)
        {
            var current = await Guarded(live, cancellationToken);
            items = current?.Items.Select(a => a.ToJson()).ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase) ?? [];
        }
        var matching = findings.Where(f => query.Matches(f, key => items?.GetValueOrDefault(key)));
        var (page, total, next) = query.Apply(matching, ApiQuery.SortKey);
        return query.Paged
            ? Json(JsonSerializer.Serialize(new PageJson<FindingJson>(page, page.Count, total, query.Limit, next), ApiPageJsonContext.Readable.PageJsonFindingJson))
            : Json(JsonSerializer.Serialize(page, ReportJsonContext.Readable.IReadOnlyListFindingJson));
    }

    /// <summary>
    /// <c>GET /api/orphans</c>: open orphaned work, from the live report (the stored one keeps no items), by key;
    /// filtered and paged by <see cref="ApiQuery"/> (<c>kind</c> is the item's type).
    /// </summary>
    public static Task<IResult> OrphansAsync(LiveReport live, HttpRequest request, CancellationToken cancellationToken = default) => Guarded(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiQuery.TryParse(request.Query, out var query, out var error))
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }
        if (await live.CurrentAsync(cancellationToken) is not { } report)
        {
            return NoReport();
        }
        var orphans = report.Items.Where(a => a.Classification == Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.ToJson()).Where(query.Matches);
        var (page, total, next) = query.Apply(orphans, i => i.Key.ToUpperInvariant() + "\u0001" + i.Key);
        return query.Paged
            ? Json(JsonSerializer.Serialize(new PageJson<WorkItemJson>(page, page.Count, total, query.Limit, next), ApiPageJsonContext.Readable.PageJsonWorkItemJson))
            : Json(JsonSerializer.Serialize(page, ReportJsonContext.Readable.IReadOnlyListWorkItemJson));
    });

    /// <summary><c>GET /api/items/{key}</c>: one item, aligned, with its initiatives, key results and bets; the key is decoded once from the request target.</summary>
    public static Task<IResult> ItemAsync(HttpContext http, string? key, IItemStore items, StrategyProvider strategy, CancellationToken cancellationToken = default) => Guarded(async () =>
    {
        ArgumentNullException.ThrowIfNull(http);
        var itemKey = ItemLookup.KeyFromTarget(http.Features.Get<IHttpRequestFeature>()?.RawTarget, key ?? "");
        if (string.IsNullOrWhiteSpace(itemKey))
        {
            return Error(StatusCodes.Status400BadRequest, "give an item key: /api/items/{key}, e.g. /api/items/acme%2Fweb%2312 for acme/web#12 or /api/items/ONB-7");
        }
        return await ItemLookup.FindAsync(items, await strategy.GetAsync(cancellationToken), itemKey, cancellationToken) is { } item
            ? Json(JsonSerializer.Serialize(item, ReportJsonContext.Readable.WorkItemJson))
            : Error(StatusCodes.Status404NotFound, $"no work item '{itemKey}'");
    });

    /// <summary><c>GET /api/health</c>: 503 when unhealthy.</summary>
    public static async Task<IResult> HealthAsync(ICursorStore cursors, IReportStore reports, IEventQueue queue, StrategyProvider strategy, WebhookTrust webhooks, TrackerServices trackers, CancellationToken cancellationToken = default)
    {
        var health = await HealthCheck.RunAsync(cursors, reports, queue, strategy, webhooks, trackers, cancellationToken);
        return Json(JsonSerializer.Serialize(health, ApiJsonContext.Default.HealthJson), health.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    /// <summary>A method the route does not take: 405 with <c>Allow</c>, as JSON.</summary>
    public static IResult MethodNotAllowed(HttpContext http, string allowed)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.Allow = allowed;
        return Error(StatusCodes.Status405MethodNotAllowed, $"{http.Request.Method} is not allowed here: use {allowed}");
    }

    /// <summary>Runs <paramref name="handler"/> for GET and HEAD; any other method is a 405 (the function app's triggers take every method so that it can say so).</summary>
    public static Task<IResult> GetOnly(HttpRequest request, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? handler()
            : Task.FromResult(MethodNotAllowed(request.HttpContext, "GET"));
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

    /// <summary>The live report, or none when the strategy is unavailable (the caller then has no items to look up).</summary>
    private static async Task<Report?> Guarded(LiveReport live, CancellationToken cancellationToken)
    {
        try
        {
            return await live.CurrentAsync(cancellationToken);
        }
        catch (StrategyUnavailableException)
        {
            return null;
        }
    }

    private static IResult NoReport() => Error(StatusCodes.Status404NotFound, "no report yet: the first sync has not run");

    private static IResult Json(string json, int status = StatusCodes.Status200OK) => Results.Text(json, "application/json", statusCode: status);
}
