using System.Globalization;

namespace OkrSync.Pipeline.Sync;

/// <summary>
/// A tracker call about to be retried: the retry's number (1 for the first), the wait before it, and why
/// (<c>connection refused: GET http://…</c>, <c>HTTP 503 from GET http://…</c>).
/// </summary>
public sealed record TrackerRetry(int Attempt, TimeSpan Delay, string Reason)
{
    /// <summary><c>retry 2 in 2 s after connection refused: GET http://…</c></summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"retry {Attempt} in {Seconds(Delay)} after {Reason}");

    /// <summary><c>0.3 s</c>, <c>30 s</c>, <c>2 min</c>.</summary>
    public static string Seconds(TimeSpan span) => span < TimeSpan.FromMinutes(2)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}
