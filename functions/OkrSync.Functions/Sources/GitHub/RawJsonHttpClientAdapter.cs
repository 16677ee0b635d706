using Octokit;
using Octokit.Internal;
using OkrSync.Functions.Sources.Http;

namespace OkrSync.Functions.Sources.GitHub;

/// <summary>
/// Octokit's HTTP adapter, with two additions: each request is tagged with the source's <see cref="ApiUsage"/>,
/// and (for source connections) successful JSON bodies are handed back as raw text (marked <see cref="RawJsonMediaType"/>) so that the
/// existing <see cref="GitHubIssueMapper"/> reads them with System.Text.Json instead of Octokit deserialising them.
/// Errors keep their real content type, so Octokit's exceptions (rate limit, not found) stay intact.
/// </summary>
internal sealed class RawJsonHttpClientAdapter(Func<HttpMessageHandler> handler, ApiUsage? usage, bool rawBodies) : HttpClientAdapter(handler)
{
    public const string RawJsonMediaType = "application/vnd.okrsync.raw+json";

    protected override HttpRequestMessage BuildRequestMessage(IRequest request)
    {
        var message = base.BuildRequestMessage(request);
        usage?.Attach(message);
        return message;
    }

    protected override async Task<IResponse> BuildResponse(HttpResponseMessage responseMessage, Func<object, object> preprocessResponseBody)
    {
        var response = await base.BuildResponse(responseMessage, preprocessResponseBody);
        return rawBodies && (int)response.StatusCode is >= 200 and < 300 && response.Body is string ? new RawResponse(response) : response;
    }

    private sealed class RawResponse(IResponse inner) : IResponse
    {
        public object Body => inner.Body;

        public IReadOnlyDictionary<string, string> Headers => inner.Headers;

        public ApiInfo ApiInfo => inner.ApiInfo;

        public System.Net.HttpStatusCode StatusCode => inner.StatusCode;

        public string ContentType => RawJsonMediaType;
    }
}
