using OkrSync.Pipeline;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Functions;

/// <summary>
/// The <c>NightlyReconcile</c> timer (<c>%OKRSYNC_RECONCILE_SCHEDULE%</c>, default 02:30 UTC): forgets webhook
/// delivery ids past their retention (<see cref="DeliveryRetention"/>), then makes a full pass over every source that
/// removes vanished items (deleted, transferred), then saves the report and the weekly snapshot when due.
/// </summary>
internal sealed class NightlyReconcileFunction(SyncAndRecompute run, DeliveryRetention retention) : IFunctionHandler
{
    public const string FunctionName = "NightlyReconcile";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        var pruned = await retention.PruneAsync(cancellationToken);
        var logs = await run.RunAsync(FunctionName, reconcile: true, TimerInfo.From(request).IsPastDue, cancellationToken);
        return InvocationResult.Of([pruned, .. logs]);
    }
}
