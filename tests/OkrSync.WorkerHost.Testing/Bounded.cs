namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// Every wait on the worker is bounded, and a timeout says what was awaited and what the worker said. A cancellation
/// that is not the caller's is an inner bound running out, so it is a timeout too.
/// </summary>
internal static class Bounded
{
    public static async Task<T> WaitAsync<T>(Task<T> task, string awaited, TimeSpan timeout, WorkerDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(Positive(timeout), cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TimeoutException($"The test host waited {timeout.TotalSeconds:0.#} s for {awaited} in vain.{diagnostics.Describe()}");
        }
    }

    public static async Task WaitAsync(Task task, string awaited, TimeSpan timeout, WorkerDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(Positive(timeout), cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TimeoutException($"The test host waited {timeout.TotalSeconds:0.#} s for {awaited} in vain.{diagnostics.Describe()}");
        }
    }

    /// <summary>What is left of a budget (never negative, which WaitAsync would reject).</summary>
    public static TimeSpan Positive(TimeSpan remaining) => remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
}
