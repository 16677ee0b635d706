namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>The primary (core) rate limit: a budget per window, reset at <c>x-ratelimit-reset</c>.</summary>
internal sealed class GitHubRateLimiter(TimeProvider time, int limit, TimeSpan window)
{
    private readonly Lock _gate = new();
    private int _used;
    private DateTimeOffset _reset = DateTimeOffset.MinValue;

    public GitHubRateState Peek()
    {
        lock (_gate)
        {
            Roll();
            return State();
        }
    }

    public GitHubRateState Charge()
    {
        lock (_gate)
        {
            Roll();
            _used = Math.Min(limit, _used + 1);
            return State();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _used = 0;
            _reset = DateTimeOffset.MinValue;
        }
    }

    private void Roll()
    {
        var now = time.GetUtcNow();
        if (now >= _reset)
        {
            _used = 0;
            _reset = now + window;
        }
    }

    private GitHubRateState State() => new(limit, _used, _reset.ToUnixTimeSeconds());
}

/// <summary>Rate-limit figures as sent in the <c>x-ratelimit-*</c> headers.</summary>
public readonly record struct GitHubRateState(int Limit, int Used, long ResetEpochSeconds)
{
    public int Remaining => Math.Max(0, Limit - Used);
}
