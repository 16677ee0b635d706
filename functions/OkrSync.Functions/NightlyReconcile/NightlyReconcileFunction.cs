using OkrSync.Functions.Hosting.Invocations;
using OkrSync.Functions.Pipeline;

namespace OkrSync.Functions.NightlyReconcile;

/// <summary>
/// The <c>NightlyReconcile</c> timer (<c>%OKRSYNC_RECONCILE_SCHEDULE%</c>, default 02:30 UTC): a full pass over every
/// source that removes vanished items (deleted, transferred), then the report and the weekly snapshot when due.
/// </summary>
internal sealed class NightlyReconcileFunction(SyncAndRecompute run) : IFunctionHandler
{
    public const string FunctionName = "NightlyReconcile";

    public string Name => FunctionName;

    public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default) =>
        run.RunAsync(FunctionName, reconcile: true, request, cancellationToken);
}
