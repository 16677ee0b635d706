using System.Globalization;
using System.Text;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Jira's cross-cutting behaviour: basic auth (Cloud) or bearer PAT (Data Center), 429 with Retry-After, 5xx bodies.</summary>
internal sealed class JiraProtocol(FakeJiraOptions options) : IFakeProtocol
{
    private readonly string _basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}"));
    private int _requestId;

    public FakeResponse? Authenticate(HttpContext context, string endpoint)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var accepted = options.Deployment == JiraDeployment.Cloud
            ? string.Equals(authorization, _basic, StringComparison.Ordinal)
            : string.Equals(authorization, "Bearer " + options.PersonalAccessToken, StringComparison.Ordinal);
        return accepted
            ? null
            : JiraErrors.Error(401, "You are not authenticated. Authentication required to perform this operation.")
                .WithHeader("WWW-Authenticate", options.Deployment == JiraDeployment.Cloud ? "Basic realm=\"protected-area\"" : "Bearer");
    }

    public FakeResponse Complete(HttpContext context, string endpoint, FakeResponse response) =>
        response.WithHeader("X-AREQUESTID", Interlocked.Increment(ref _requestId).ToString(CultureInfo.InvariantCulture));

    public FakeResponse Fault(FaultKind kind, FaultOptions faultOptions)
    {
        var retryAfter = ((long)faultOptions.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var reset = options.TimeProvider.GetUtcNow().Add(faultOptions.RetryAfter).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        return kind switch
        {
            FaultKind.TooManyRequests or FaultKind.SecondaryRateLimit => JiraErrors.Error(429, "Rate limit exceeded.")
                .WithHeader("Retry-After", retryAfter)
                .WithHeader("X-RateLimit-Limit", "350")
                .WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader("X-RateLimit-Reset", reset)
                .WithHeader("RateLimit-Reason", kind == FaultKind.TooManyRequests ? "jira-quota-tenant-based" : "jira-burst-based"),
            FaultKind.BadGateway => new FakeResponse(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray(), "text/html"),
            FaultKind.ServiceUnavailable => new FakeResponse(503, "<html><body><h1>503 Service Unavailable</h1></body></html>"u8.ToArray(), "text/html"),
            _ => JiraErrors.Error(500, "Internal server error"),
        };
    }
}
