using OkrSync.Pipeline;

namespace OkrSync.Functions.NightlyReconcile;

/// <summary>
/// 02:30 UTC by default (<c>%OKRSYNC_RECONCILE_SCHEDULE%</c>): forgets webhook delivery ids past their retention, then a
/// full pass over every source that removes vanished items (within the reconcile safety limit), then the report.
/// </summary>
public sealed class NightlyReconcile(SyncAndRecompute run, DeliveryRetention retention)
{
    [Function(TimerSchedules.NightlyReconcile)]
    public async Task RunAsync([TimerTrigger("%" + TimerSchedules.ReconcileSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await retention.PruneAsync(cancellationToken);
        await run.RunAsync(TimerSchedules.NightlyReconcile, reconcile: true, timer?.IsPastDue ?? false, cancellationToken);
    }
}
