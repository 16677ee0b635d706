using OkrSync.Functions.Hosting.Invocations;
using OkrSync.Functions.Pipeline;

namespace OkrSync.Functions.ScheduledSync;

/// <summary>
/// The <c>ScheduledSync</c> timer (<c>%OKRSYNC_SYNC_SCHEDULE%</c>, default every 15 minutes, UTC): an incremental
/// sync of every configured source, then re-align, rollup and findings.
/// </summary>
internal sealed class ScheduledSyncFunction(SyncAndRecompute run) : IFunctionHandler
{
    public const string FunctionName = "ScheduledSync";

    public string Name => FunctionName;

    public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default) =>
        run.RunAsync(FunctionName, reconcile: false, request, cancellationToken);
}
