using Microsoft.AspNetCore.Http;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers;
using OkrSync.Web.Api;

namespace OkrSync.Functions.Api;

/// <summary>
/// The read API: one function per route, at the same paths as <c>okrsync serve</c>, behind function keys. Each trigger takes
/// every method so that a wrong one is a JSON 405 (<see cref="ReadApi.GetOnly"/>), as in <c>okrsync serve</c>, not the host's 404.
/// </summary>
public sealed class ReadApiFunctions(IItemStore items, IReportStore reports, ICursorStore cursors, IEventQueue queue, StrategyProvider strategy, LiveReport live, RollupResponses responses, WebhookTrust webhooks, TrackerServices trackers)
{
    [Function("ApiStrategy")]
    public Task<IResult> StrategyAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "strategy")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.StrategyAsync(strategy, cancellationToken));

    [Function("ApiRollup")]
    public Task<IResult> RollupAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "rollup")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.RollupAsync(reports, responses, request, cancellationToken));

    [Function("ApiFindings")]
    public Task<IResult> FindingsAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "findings")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.FindingsAsync(reports, queue, live, request, cancellationToken));

    [Function("ApiOrphans")]
    public Task<IResult> OrphansAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "orphans")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.OrphansAsync(live, request, cancellationToken));

    [Function("ApiItem")]
    public Task<IResult> ItemAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "items/{*key}")] HttpRequest request, string? key, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.ItemAsync(request?.HttpContext!, key, items, strategy, cancellationToken));

    [Function("ApiHealth")]
    public Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Function, "get", "head", "post", "put", "patch", "delete", "options", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.GetOnly(request, () => ReadApi.HealthAsync(cursors, reports, queue, strategy, webhooks, trackers, cancellationToken));
}
