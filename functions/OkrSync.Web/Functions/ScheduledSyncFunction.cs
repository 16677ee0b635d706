using OkrSync.Pipeline;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Functions;

/// <summary>
/// The <c>ScheduledSync</c> timer (<c>%OKRSYNC_SYNC_SCHEDULE%</c>, default every 15 minutes, UTC): an incremental
/// sync of every configured source, then re-align, rollup and findings.
/// </summary>
internal sealed class ScheduledSyncFunction(SyncAndRecompute run) : IFunctionHandler
{
    public const string FunctionName = "ScheduledSync";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default) =>
        InvocationResult.Of([.. await run.RunAsync(FunctionName, reconcile: false, TimerInfo.From(request).IsPastDue, cancellationToken)]);
}
