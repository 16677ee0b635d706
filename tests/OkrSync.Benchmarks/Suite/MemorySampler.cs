namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Samples a process's working set (VmRSS) every <c>interval</c> while a part of the run lasts: the highest sample
/// and the last one. The kernel's own high-water mark (VmHWM) is read apart, by <see cref="ProcessMemory.PeakOf"/>.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int processId;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long highest;

    public MemorySampler(int processId, TimeSpan? interval = null)
    {
        this.processId = processId;
        sampling = SampleAsync(interval ?? TimeSpan.FromMilliseconds(250), stop.Token);
    }

    /// <summary>The highest working set sampled so far (0 before the first sample).</summary>
    public long Highest => Interlocked.Read(ref highest);

    /// <summary>Samples once more and returns the highest sample.</summary>
    public long Sample()
    {
        if (ProcessMemory.CurrentOf(processId) is { } now && now > Interlocked.Read(ref highest))
        {
            Interlocked.Exchange(ref highest, now);
        }
        return Highest;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await sampling;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        Sample();
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Sample();
        }
    }
}
