using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Sync;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers;

namespace OkrSync.Web.Api;

/// <summary>
/// <c>/api/health</c>: can the store and the queue be reached, does the strategy load, and how each configured source
/// (<c>github:OWNER/REPO</c>, <c>jira:PROJECT</c>) stands: its last successful sync (its cursor's <c>SyncedAt</c>, at most
/// <see cref="SyncEngine.SyncedAtRefresh"/> behind while idle syncs succeed) and its <see cref="SourceStatus"/>.
/// <c>unhealthy</c> (503) when the store cannot be reached or the strategy cannot be loaded; <c>degraded</c> when the
/// queue cannot be reached, or a source has never synced, its last sync failed, or its reconcile is held.
/// </summary>
internal static class HealthCheck
{
    public static async Task<HealthJson> RunAsync(ICursorStore cursors, IReportStore reports, IEventQueue queue, StrategyProvider strategy, WebhookTrust webhooks, TrackerServices trackers, CancellationToken cancellationToken = default)
    {
        var sources = new List<SourceHealthJson>();
        ComponentJson storage;
        DateTimeOffset? asOf = null;
        try
        {
            foreach (var id in TrackerRegistry.WatchedSourceIds(trackers))
            {
                var cursor = await cursors.ReadCursorAsync(id, cancellationToken);
                var record = await cursors.ReadCursorAsync(SourceStatus.IdOf(id), cancellationToken);
                sources.Add(SourceHealth(id, cursor, record is null ? null : SourceStatus.FromCursor(record)));
            }
            asOf = (await reports.ReadCurrentReportAsync(cancellationToken))?.AsOf;
            storage = new ComponentJson(true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            storage = new ComponentJson(false, e.Message);
        }
        var queueHealth = await CheckAsync(() => queue.PeekPoisonAsync(1, cancellationToken));
        var strategyHealth = await CheckAsync(() => strategy.GetAsync(cancellationToken));
        List<string> reasons =
        [
            .. Problem("storage", storage),
            .. Problem("strategy", strategyHealth),
            .. Problem("queue", queueHealth),
            .. sources.Where(s => s.Status != SourceOk).Select(Reason),
        ];
        var status = !storage.Ok || !strategyHealth.Ok ? "unhealthy" : reasons.Count > 0 ? "degraded" : "healthy";
        return new HealthJson(status, reasons, storage, queueHealth, strategyHealth, asOf, sources, [.. webhooks.Warnings().Select(w => w.Warning)]);
    }

    private const string SourceOk = "ok";

    private static SourceHealthJson SourceHealth(string id, SyncCursor? cursor, SourceStatus? status)
    {
        var state = status switch
        {
            { LastError: not null } => "failed",
            { Held: not null } => "reconcile-held",
            _ when cursor is null && status?.EverSucceeded != true => "never-synced",
            _ => SourceOk,
        };
        var error = status?.LastError ?? status?.Held?.Explain();
        return new SourceHealthJson(id, state, cursor?.SyncedAt, cursor?.Position, error);
    }

    private static string Reason(SourceHealthJson source) => source.Status switch
    {
        "failed" => $"{source.Id}: the last sync failed: {source.Error}",
        "reconcile-held" => $"{source.Id}: reconcile held: {source.Error}",
        _ => $"{source.Id}: never synced",
    };

    private static IEnumerable<string> Problem(string component, ComponentJson health) =>
        health.Ok ? [] : [$"{component}: {health.Error}"];

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
