using Octokit;
using Octokit.Internal;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers.Http;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// Octokit's HTTP adapter, with two additions: each request is tagged with the source's <see cref="ApiUsage"/>,
/// and (for source connections) successful JSON bodies are handed back raw (marked <see cref="RawJsonMediaType"/>) so that the
/// existing <see cref="GitHubIssueMapper"/> reads them with System.Text.Json instead of Octokit deserialising them: the
/// bytes <see cref="ResponseIntegrityHandler"/> read (<see cref="JsonBody"/>, parsed in place), else the text.
/// Errors keep their real content type, so Octokit's exceptions (rate limit, not found) stay intact.
/// Octokit bounds every call by 100 seconds (its request timeout and its HttpClient's), retries and rate-limit waits
/// included; here neither applies: each attempt has its own timeout in the pipeline (<see cref="ConnectionFailureHandler"/>).
/// </summary>
internal sealed class RawJsonHttpClientAdapter : HttpClientAdapter, IHttpClient
{
    public const string RawJsonMediaType = "application/vnd.okrsync.raw+json";

    private readonly ApiUsage? usage;
    private readonly bool rawBodies;

    public RawJsonHttpClientAdapter(Func<HttpMessageHandler> handler, ApiUsage? usage, bool rawBodies)
        : base(handler)
    {
        this.usage = usage;
        this.rawBodies = rawBodies;
        SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    /// <summary>Octokit's Send without its per-request 100-second cancellation.</summary>
    public new async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = BuildRequestMessage(request);
        var response = await SendAsync(message, cancellationToken);
        return await BuildResponse(response, preprocessResponseBody!);
    }

    protected override HttpRequestMessage BuildRequestMessage(IRequest request)
    {
        var message = base.BuildRequestMessage(request);
        usage?.Attach(message);
        return message;
    }

    protected override async Task<IResponse> BuildResponse(HttpResponseMessage responseMessage, Func<object, object> preprocessResponseBody)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        if (rawBodies && responseMessage.IsSuccessStatusCode && responseMessage.Content is JsonBody json)
        {
            // Octokit would decode the body to a string; give it an empty one and keep the bytes.
            var empty = new ByteArrayContent([]);
            foreach (var header in json.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                empty.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            responseMessage.Content = empty;
            return new RawResponse(await base.BuildResponse(responseMessage, preprocessResponseBody), json.Bytes);
        }
        var response = await base.BuildResponse(responseMessage, preprocessResponseBody);
        return rawBodies && (int)response.StatusCode is >= 200 and < 300 && response.Body is string text ? new RawResponse(response, text) : response;
    }

    private sealed class RawResponse(IResponse inner, object body) : IResponse
    {
        public object Body => body;

        public IReadOnlyDictionary<string, string> Headers => inner.Headers;

        public ApiInfo ApiInfo => inner.ApiInfo;

        public System.Net.HttpStatusCode StatusCode => inner.StatusCode;

        public string ContentType => RawJsonMediaType;
    }
}
