namespace OkrSync.Pipeline.Sync;

/// <summary>
/// What one source cost its tracker: HTTP requests on the wire (retries included), how many were answered
/// 304 Not Modified, and the rate-limit budget left after the latest response; and each retry as it is decided
/// (<see cref="Retrying"/>). Thread-safe.
/// </summary>
public sealed class ApiUsage
{
    /// <summary>The request option that tells <c>ApiMeteringHandler</c> which source a request belongs to.</summary>
    public static readonly HttpRequestOptionsKey<ApiUsage> OptionKey = new("OkrSync.ApiUsage");

    private long calls;
    private long notModified;
    private long rateLimitRemaining = -1;

    public long Calls => Interlocked.Read(ref calls);

    public long NotModified => Interlocked.Read(ref notModified);

    /// <summary>The tracker's remaining request budget as last reported, or null when it never said.</summary>
    public int? RateLimitRemaining => Interlocked.Read(ref rateLimitRemaining) is var value and >= 0 ? (int)value : null;

    /// <summary>Raised when a call of this source is about to be retried, before the wait.</summary>
    public event Action<TrackerRetry>? Retrying;

    public void RecordCall() => Interlocked.Increment(ref calls);

    public void RecordRetry(TrackerRetry retry) => Retrying?.Invoke(retry);

    public void RecordNotModified() => Interlocked.Increment(ref notModified);

    public void RecordRateLimitRemaining(int remaining) => Interlocked.Exchange(ref rateLimitRemaining, remaining);

    /// <summary>Tags <paramref name="request"/> so that its attempts are counted here.</summary>
    public void Attach(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(OptionKey, this);
    }
}
