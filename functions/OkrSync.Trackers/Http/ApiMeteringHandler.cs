using System.Globalization;
using System.Net;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers.Http;

/// <summary>
/// Innermost handler: counts every attempt that reaches the wire (so retries count), 304s, and the rate-limit
/// budget the tracker reports (<c>x-ratelimit-remaining</c> on GitHub, <c>X-RateLimit-Remaining</c> on Jira).
/// </summary>
public sealed class ApiMeteringHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ApiUsage.OptionKey, out var usage);
        usage?.RecordCall();
        var response = await base.SendAsync(request, cancellationToken);
        if (usage is null)
        {
            return response;
        }
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            usage.RecordNotModified();
        }
        if (response.Headers.TryGetValues("x-ratelimit-remaining", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            usage.RecordRateLimitRemaining(remaining);
        }
        return response;
    }
}
