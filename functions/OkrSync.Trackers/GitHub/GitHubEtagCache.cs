using System.Net;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// Octokit's response cache, holding one entry: the ETag of the first list page as stored in the source's cursor.
/// Octokit sends it as <c>If-None-Match</c>; a 304 (free of rate-limit charge) comes back as this entry, with status
/// 304 and an empty page. Nothing else is kept, so memory stays flat however many pages pass through.
/// </summary>
internal sealed class GitHubEtagCache : IResponseCache
{
    private string? endpoint;
    private string? etag;

    public void Seed(string firstPageEndpoint, string? cursorEtag)
    {
        endpoint = firstPageEndpoint;
        etag = cursorEtag;
    }

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (etag is null || request.Endpoint.OriginalString != endpoint)
        {
            return Task.FromResult<CachedResponse.V1>(null!);
        }
        var info = new ApiInfo(new Dictionary<string, Uri>(), [], [], etag, new RateLimit(), TimeSpan.Zero);
        // Octokit re-reads the ETag from the headers when it turns the entry back into a response.
        var headers = new Dictionary<string, string> { ["ETag"] = etag };
        return Task.FromResult(new CachedResponse.V1("[]", headers, info, HttpStatusCode.NotModified, RawJsonHttpClientAdapter.RawJsonMediaType));
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse) => Task.CompletedTask; // the source keeps ETags in its cursor
}
