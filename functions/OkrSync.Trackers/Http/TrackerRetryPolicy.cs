using System.Net;
using Polly;

namespace OkrSync.Trackers.Http;

/// <summary>
/// When to retry a tracker call and how long to wait: the one place that decides it for GitHub and for Jira.
/// Rate limits: <c>Retry-After</c> first, then the rate-limit reset time, otherwise exponential backoff
/// (GitHub: from 1 minute, as its documentation asks; Jira: from 5 seconds). Transient failures (5xx, a reset
/// connection, a body cut short): exponential from 1 second. A tracker that cannot be reached at all
/// (<see cref="TrackerConnectionException"/>) gets few retries, so that it fails at once with its cause: connection
/// refused or name not resolved <see cref="MaxConnectionRetries"/> (1 + 2 + 4 = 7 s of waits), no response within the
/// request timeout <see cref="MaxTimeoutRetries"/>, a failed TLS handshake none. Waits run on the injected TimeProvider.
/// </summary>
public sealed class TrackerRetryPolicy
{
    private static readonly TimeSpan MaxTransientDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRateLimitDelay = TimeSpan.FromHours(1);

    private TrackerRetryPolicy(string tracker, TimeSpan rateLimitBackoff, Func<HttpResponseMessage, CancellationToken, ValueTask<bool>> isRateLimited)
    {
        Tracker = tracker;
        RateLimitBackoff = rateLimitBackoff;
        IsRateLimited = isRateLimited;
    }

    public static TrackerRetryPolicy GitHub { get; } = new("github", TimeSpan.FromMinutes(1), GitHubRateLimited);

    public static TrackerRetryPolicy Jira { get; } = new("jira", TimeSpan.FromSeconds(5), JiraRateLimited);

    public string Tracker { get; }

    /// <summary>Retries after the first attempt: enough that a 20% failure rate almost never exhausts them.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>Retries of a call whose connection was refused, whose host name did not resolve, or that could not connect.</summary>
    public int MaxConnectionRetries { get; init; } = 3;

    /// <summary>Retries of a call that got no response within the request timeout.</summary>
    public int MaxTimeoutRetries { get; init; } = 1;

    /// <summary>First wait of the exponential backoff for a rate limit that names no time.</summary>
    public TimeSpan RateLimitBackoff { get; }

    private Func<HttpResponseMessage, CancellationToken, ValueTask<bool>> IsRateLimited { get; }

    public ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        ShouldRetryAsync(outcome, attempt: 0, cancellationToken);

    /// <summary>Whether to retry after attempt number <paramref name="attempt"/> (0 for the first) ended in <paramref name="outcome"/>.</summary>
    public async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, int attempt, CancellationToken cancellationToken)
    {
        if (outcome.Exception is TrackerConnectionException connection)
        {
            return attempt < connection.Failure switch
            {
                ConnectionFailure.Tls => 0,
                ConnectionFailure.Timeout => MaxTimeoutRetries,
                _ => MaxConnectionRetries,
            };
        }
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutException or IOException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }
        return outcome.Result is { } response && (IsTransient(response.StatusCode) || await IsRateLimited(response, cancellationToken));
    }

    public async ValueTask<TimeSpan> DelayAsync(Outcome<HttpResponseMessage> outcome, int attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.Result is { } response && await IsRateLimited(response, cancellationToken))
        {
            var named = RetryHeaders.RetryAfter(response, now)
                ?? (RetryHeaders.RateLimitRemaining(response) is null or 0 ? RetryHeaders.UntilRateLimitReset(response, now) : null);
            return Min(named ?? Exponential(RateLimitBackoff, attempt), MaxRateLimitDelay);
        }
        if (outcome.Result is { } transient && RetryHeaders.RetryAfter(transient, now) is { } retryAfter)
        {
            return Min(retryAfter, MaxRateLimitDelay); // 503 with Retry-After
        }
        return Min(Exponential(TimeSpan.FromSeconds(1), attempt), MaxTransientDelay);
    }

    /// <summary>Why a call is retried, for progress: the exception's message, or the status and the URL.</summary>
    public static string Reason(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Exception is { } exception)
        {
            return exception.Message;
        }
        var url = request?.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : request?.RequestUri?.ToString();
        return $"HTTP {(int?)outcome.Result?.StatusCode} from {request?.Method} {url}";
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    // GitHub: 429 always; 403 only when it is a primary (remaining 0) or secondary (retry-after, or the message says so) limit.
    private static async ValueTask<bool> GitHubRateLimited(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }
        if (response.Headers.RetryAfter is not null || RetryHeaders.RateLimitRemaining(response) == 0)
        {
            return true;
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
    }

    // Jira: 429, and 503 with Retry-After (its way of shedding load).
    private static ValueTask<bool> JiraRateLimited(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.FromResult(response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null));

    private static TimeSpan Exponential(TimeSpan first, int attempt) =>
        TimeSpan.FromTicks(first.Ticks * (1L << Math.Clamp(attempt, 0, 20)));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
