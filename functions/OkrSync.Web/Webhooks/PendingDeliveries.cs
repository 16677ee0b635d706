using System.Collections.Concurrent;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// Delivery ids this process has queued and is still recording: a redelivery that arrives before the record lands is
/// recognised here. An id leaves once its record is written (or failed to be), so this holds only what is in flight.
/// </summary>
internal sealed class PendingDeliveries
{
    private readonly ConcurrentDictionary<(string Source, string DeliveryId), Task> writes = new();

    public bool Contains(string source, string deliveryId) => writes.ContainsKey((source, deliveryId));

    /// <summary>Starts <paramref name="write"/> (which must not throw) unless the id is already being recorded.</summary>
    public void Record(string source, string deliveryId, Func<Task> write)
    {
        var key = (source, deliveryId);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!writes.TryAdd(key, done.Task))
        {
            return;
        }
        _ = RunAsync();

        async Task RunAsync()
        {
            try
            {
                await write();
            }
            finally
            {
                writes.TryRemove(key, out _);
                done.SetResult();
            }
        }
    }

    /// <summary>Waits for the records in flight, at most <paramref name="limit"/>.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var inFlight = writes.Values.ToArray();
        if (inFlight.Length > 0)
        {
            await Task.WhenAll(inFlight).WaitAsync(limit).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
