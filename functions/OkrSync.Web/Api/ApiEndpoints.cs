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
/// The read API (function <c>Api</c>, route <c>{*path}</c>, GET, function-key auth in Azure):
/// <c>/api/strategy</c>, <c>/api/rollup</c> (the CLI's JSON contract, from the stored current report, with an ETag),
/// <c>/api/findings</c> (with poison-event findings), <c>/api/orphans</c> (open orphaned work, from the live report:
/// the stored report keeps no items),
/// <c>/api/items/{key}</c> and <c>/api/health</c>.
/// </summary>
internal static class ApiEndpoints
{
    public const string Name = "Api";

    public static RouteGroupBuilder MapReadApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/strategy", async (StrategyProvider strategy, CancellationToken ct) =>
            Json(JsonSerializer.Serialize(StrategyJson.From((await strategy.GetAsync(ct)).Strategy), ApiJsonContext.Default.StrategyJson)));
        api.MapGet("/rollup", async (IWorkStore store, RollupResponses responses, HttpRequest request, CancellationToken ct) =>
            await store.ReadCurrentReportAsync(ct) is { } report ? responses.For(report, request) : NoReport());
        api.MapGet("/findings", async (IWorkStore store, IEventQueue queue, CancellationToken ct) =>
        {
            var report = await store.ReadCurrentReportAsync(ct);
            IReadOnlyList<FindingJson> findings = [.. report?.Findings ?? [], .. await PoisonFindings.ReadAsync(queue, ct)];
            return Json(JsonSerializer.Serialize(findings, ReportJsonContext.Default.IReadOnlyListFindingJson));
        });
        api.MapGet("/orphans", async (LiveReport live, CancellationToken ct) =>
        {
            if (await live.CurrentAsync(ct) is not { } report)
            {
                return NoReport();
            }
            IReadOnlyList<WorkItemJson> orphans = [.. report.Items.Where(a => a.Classification == Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.ToJson())];
            return Json(JsonSerializer.Serialize(orphans, ReportJsonContext.Default.IReadOnlyListWorkItemJson));
        });
        api.MapGet("/items/{**key}", async (string key, HttpContext http, IWorkStore store, StrategyProvider strategy, CancellationToken ct) =>
        {
            var itemKey = ItemLookup.KeyFromTarget(http.Features.Get<IHttpRequestFeature>()?.RawTarget, key);
            return await ItemLookup.FindAsync(store, await strategy.GetAsync(ct), itemKey, ct) is { } item
                ? Json(JsonSerializer.Serialize(item, ReportJsonContext.Default.WorkItemJson))
                : Error(StatusCodes.Status404NotFound, $"no work item '{itemKey}'");
        });
        api.MapGet("/health", async (IWorkStore store, IEventQueue queue, StrategyProvider strategy, WebhookTrust webhooks, IConfiguration configuration, CancellationToken ct) =>
        {
            var health = await HealthCheck.RunAsync(store, queue, strategy, webhooks, configuration, ct);
            return Json(JsonSerializer.Serialize(health, ApiJsonContext.Default.HealthJson), health.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return api;
    }

    public static IResult Error(int status, string error) => Json(JsonSerializer.Serialize(new ApiError(error), ApiJsonContext.Default.ApiError), status);

    private static IResult NoReport() => Error(StatusCodes.Status404NotFound, "no report yet: the first sync has not run");

    private static IResult Json(string json, int status = StatusCodes.Status200OK) => Results.Text(json, "application/json", statusCode: status);
}
