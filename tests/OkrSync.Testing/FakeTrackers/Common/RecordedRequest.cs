namespace OkrSync.Testing.FakeTrackers;

/// <summary>One request a fake tracker received, as answered.</summary>
/// <param name="Endpoint">Endpoint name (GitHubEndpoint / JiraEndpoint constants).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path (including any path base such as <c>/api/v3</c>) and query string.</param>
/// <param name="StatusCode">Status sent; 0 when the connection was reset before a status line.</param>
/// <param name="Fault">The injected fault, if any.</param>
/// <param name="Conditional">Whether the request carried <c>If-None-Match</c>.</param>
/// <param name="Body">The request body, for POST requests (otherwise empty).</param>
public sealed record RecordedRequest(
    string Endpoint,
    string Method,
    string PathAndQuery,
    int StatusCode,
    FaultKind? Fault,
    bool Conditional,
    string Body);
