using OkrSync.Core.Ports;
using OkrSync.Functions.Hosting;
using OkrSync.Functions.Hosting.Webhooks;
using OkrSync.Functions.Pipeline;

namespace OkrSync.Functions.Api;

/// <summary>
/// <c>/api/health</c>: can the store and the queue be reached, does the strategy load, and when did each configured
/// source (<c>github:OWNER/REPO</c>, <c>jira:PROJECT</c>) last sync successfully (its cursor's <c>SyncedAt</c>, at most
/// <see cref="Sync.SyncEngine.SyncedAtRefresh"/> behind while idle syncs succeed).
/// </summary>
internal static class HealthCheck
{
    public static async Task<HealthJson> RunAsync(IWorkStore store, IEventQueue queue, StrategyProvider strategy, WebhookTrust webhooks, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var sources = new List<SourceHealthJson>();
        ComponentJson storage;
        DateTimeOffset? asOf = null;
        try
        {
            foreach (var id in ConfiguredSourceIds(configuration))
            {
                var cursor = await store.ReadCursorAsync(id, cancellationToken);
                sources.Add(new SourceHealthJson(id, cursor?.SyncedAt, cursor?.Position));
            }
            asOf = (await store.ReadCurrentReportAsync(cancellationToken))?.AsOf;
            storage = new ComponentJson(true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            storage = new ComponentJson(false, e.Message);
        }
        var queueHealth = await CheckAsync(() => queue.PeekPoisonAsync(1, cancellationToken));
        var strategyHealth = await CheckAsync(() => strategy.GetAsync(cancellationToken));
        var status = !storage.Ok ? "unhealthy" : queueHealth.Ok && strategyHealth.Ok ? "healthy" : "degraded";
        return new HealthJson(status, storage, queueHealth, strategyHealth, asOf, sources, [.. webhooks.Warnings().Select(w => w.Warning)]);
    }

    public static IEnumerable<string> ConfiguredSourceIds(IConfiguration configuration) =>
        configuration.List(Sources.GitHub.GitHubOptions.RepositoriesSetting).Select(r => $"github:{r}")
            .Concat(configuration.Setting("OkrSync:Jira:BaseUrl") is null ? [] : configuration.List(Sources.Jira.JiraOptions.ProjectsSetting).Select(p => $"jira:{p.ToUpperInvariant()}"));

    private static async Task<ComponentJson> CheckAsync(Func<Task> probe)
    {
        try
        {
            await probe();
            return new ComponentJson(true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ComponentJson(false, e.Message);
        }
    }
}
