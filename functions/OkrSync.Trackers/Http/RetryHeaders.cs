using System.Globalization;
using System.Net.Http.Headers;

namespace OkrSync.Trackers.Http;

/// <summary>Reads the headers trackers use to say when to come back.</summary>
public static class RetryHeaders
{
    /// <summary><c>Retry-After</c> as seconds or an HTTP date, relative to <paramref name="now"/>; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => NonNegative(delta),
            { Date: { } date } => NonNegative(date - now),
            _ => Header(response.Headers, "Retry-After") is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? NonNegative(TimeSpan.FromSeconds(seconds))
                : null,
        };
    }

    /// <summary>
    /// <c>x-ratelimit-reset</c> (GitHub: UTC epoch seconds) or <c>X-RateLimit-Reset</c> (Jira: an ISO-8601 time),
    /// as a wait from <paramref name="now"/>; null when absent or unreadable.
    /// </summary>
    public static TimeSpan? UntilRateLimitReset(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = Header(response.Headers, "x-ratelimit-reset");
        if (text is null)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return NonNegative(DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - now + TimeSpan.FromSeconds(1));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? NonNegative(at - now) : null;
    }

    public static int? RateLimitRemaining(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return int.TryParse(Header(response.Headers, "x-ratelimit-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
