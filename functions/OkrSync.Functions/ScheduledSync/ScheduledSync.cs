using OkrSync.Pipeline;

namespace OkrSync.Functions.ScheduledSync;

/// <summary>Every 15 minutes by default (<c>%OKRSYNC_SYNC_SCHEDULE%</c>, UTC): an incremental sync, then the report.</summary>
public sealed class ScheduledSync(SyncAndRecompute run)
{
    [Function(TimerSchedules.ScheduledSync)]
    public Task RunAsync([TimerTrigger("%" + TimerSchedules.SyncSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
        => run.RunAsync(TimerSchedules.ScheduledSync, reconcile: false, timer?.IsPastDue ?? false, cancellationToken); // throws: the invocation fails
}
