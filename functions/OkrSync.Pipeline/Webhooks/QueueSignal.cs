namespace OkrSync.Pipeline.Webhooks;

/// <summary>
/// Wakes <c>okrsync serve</c>'s queue pump as soon as a webhook enqueued something, instead of waiting for its next
/// poll. Under the Functions host nobody waits on it.
/// </summary>
public sealed class QueueSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => signal.WaitAsync(timeout, cancellationToken);
}
