using Octokit;
using Octokit.Caching;
using Octokit.Internal;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// Builds Octokit connections that go through the tracker pipeline (retry and rate limits, integrity check,
/// metering) registered as the <see cref="HttpClientName"/> client.
/// </summary>
public sealed class GitHubConnections(GitHubOptions options, IHttpMessageHandlerFactory handlers)
{
    public const string HttpClientName = "okrsync-github";

    private static readonly ProductHeaderValue Product = new("OkrSync", "1.0");

    /// <summary>A connection for Octokit's typed API (bodies deserialised as usual).</summary>
    public Connection CreateTyped(Credentials credentials) => Create(new InMemoryCredentialStore(credentials), usage: null, cache: null, rawBodies: false);

    /// <summary>A connection for a source: raw JSON bodies, counted in <paramref name="usage"/>, conditional through <paramref name="cache"/>.</summary>
    public Connection CreateRaw(ICredentialStore credentials, ApiUsage usage, IResponseCache cache) => Create(credentials, usage, cache, rawBodies: true);

    private Connection Create(ICredentialStore credentials, ApiUsage? usage, IResponseCache? cache, bool rawBodies)
    {
        var connection = new Connection(
            Product,
            WithTrailingSlash(options.BaseUrl),
            credentials,
            new RawJsonHttpClientAdapter(() => handlers.CreateHandler(HttpClientName), usage, rawBodies),
            new SimpleJsonSerializer());
        if (cache is not null)
        {
            connection.ResponseCache = cache;
        }
        return connection;
    }

    // Octokit resolves relative endpoints against the base; without the slash GHES's "/api/v3" would be dropped.
    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
