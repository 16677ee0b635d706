using Microsoft.AspNetCore.Http;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers;
using OkrSync.Web.Api;

namespace OkrSync.Functions.Api;

/// <summary>The read API: one GET function per route, at the same paths as <c>okrsync serve</c>, behind function keys.</summary>
public sealed class ReadApiFunctions(IItemStore items, IReportStore reports, ICursorStore cursors, IEventQueue queue, StrategyProvider strategy, LiveReport live, RollupResponses responses, WebhookTrust webhooks, TrackerServices trackers)
{
    [Function("ApiStrategy")]
    public Task<IResult> StrategyAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "strategy")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.StrategyAsync(strategy, cancellationToken);

    [Function("ApiRollup")]
    public Task<IResult> RollupAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rollup")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.RollupAsync(reports, responses, request, cancellationToken);

    [Function("ApiFindings")]
    public Task<IResult> FindingsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "findings")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.FindingsAsync(reports, queue, cancellationToken);

    [Function("ApiOrphans")]
    public Task<IResult> OrphansAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "orphans")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.OrphansAsync(live, cancellationToken);

    [Function("ApiItem")]
    public Task<IResult> ItemAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{*key}")] HttpRequest request, string key, CancellationToken cancellationToken)
        => ReadApi.ItemAsync(request?.HttpContext!, key, items, strategy, cancellationToken);

    [Function("ApiHealth")]
    public Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
        => ReadApi.HealthAsync(cursors, reports, queue, strategy, webhooks, trackers, cancellationToken);
}
