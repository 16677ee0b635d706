using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>GitHub's cross-cutting behaviour: token auth, the core rate limit and its headers, weak ETags and 304s, fault bodies.</summary>
internal sealed class GitHubProtocol(GitHubAuth auth, GitHubRateLimiter rateLimiter, TimeProvider time) : IFakeProtocol
{
    public const string JwtItem = "github.jwt";
    private static readonly HashSet<string> Uncharged = [GitHubEndpoint.RateLimit, GitHubEndpoint.CreateInstallationToken];

    public FakeResponse? Authenticate(HttpContext context, string endpoint)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var now = time.GetUtcNow();
        if (endpoint == GitHubEndpoint.CreateInstallationToken)
        {
            var installationId = long.Parse((string)context.Request.RouteValues["installationId"]!, CultureInfo.InvariantCulture);
            var jwt = auth.AcceptJwt(authorization, installationId, now, out var error);
            context.Items[JwtItem] = jwt;
            return jwt is null ? GitHubErrors.Error(401, error) : null;
        }

        if (auth.CheckToken(authorization, now) is { } message)
        {
            return GitHubErrors.Error(401, message);
        }

        if (!Uncharged.Contains(endpoint) && rateLimiter.Peek().Remaining == 0)
        {
            return WithRateHeaders(
                GitHubErrors.Error(403, "API rate limit exceeded for user ID 1.", GitHubErrors.RateLimitDocs), rateLimiter.Peek());
        }

        return null;
    }

    public FakeResponse Complete(HttpContext context, string endpoint, FakeResponse response)
    {
        if (HttpMethods.IsGet(context.Request.Method) && response.StatusCode == 200)
        {
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(response.Body.Span))}\"";
            if (Matches(context.Request.Headers[HeaderNames.IfNoneMatch].ToString(), etag))
            {
                return WithRateHeaders(FakeResponse.Empty(304).WithHeader("ETag", etag), rateLimiter.Peek());
            }

            response.WithHeader("ETag", etag).WithHeader("Cache-Control", "private, max-age=60, s-maxage=60");
        }

        var state = Uncharged.Contains(endpoint) ? rateLimiter.Peek() : rateLimiter.Charge();
        return WithRateHeaders(response, state);
    }

    public FakeResponse Fault(FaultKind kind, FaultOptions faultOptions)
    {
        var retryAfter = ((long)faultOptions.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var reset = time.GetUtcNow().Add(faultOptions.RetryAfter).ToUnixTimeSeconds();
        var limit = rateLimiter.Peek().Limit;
        return kind switch
        {
            FaultKind.TooManyRequests => WithRateHeaders(
                    GitHubErrors.Error(429, "API rate limit exceeded for user ID 1.", GitHubErrors.RateLimitDocs),
                    new GitHubRateState(limit, limit, reset))
                .WithHeader("retry-after", retryAfter),
            FaultKind.SecondaryRateLimit => WithRateHeaders(
                    GitHubErrors.Error(
                        403,
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                        + "If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:4444.",
                        GitHubErrors.RateLimitDocs + "#about-secondary-rate-limits"),
                    rateLimiter.Peek())
                .WithHeader("retry-after", retryAfter),
            FaultKind.BadGateway => new FakeResponse(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray(), "text/html"),
            FaultKind.ServiceUnavailable => GitHubErrors.Error(503, "Service Unavailable"),
            _ => GitHubErrors.Error(500, "Server Error"),
        };
    }

    private static FakeResponse WithRateHeaders(FakeResponse response, GitHubRateState state) =>
        response
            .WithHeader("x-ratelimit-limit", state.Limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-remaining", state.Remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-reset", state.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-used", state.Used.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-resource", "core")
            .WithHeader("x-github-api-version-selected", "2022-11-28");

    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        var opaque = etag[2..];
        return ifNoneMatch.Split(',').Select(tag => tag.Trim()).Any(tag =>
            tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == opaque);
    }
}
