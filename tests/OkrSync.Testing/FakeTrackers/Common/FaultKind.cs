namespace OkrSync.Testing.FakeTrackers;

/// <summary>A failure a fake tracker can inject into one response. Faults never change tracker state.</summary>
public enum FaultKind
{
    /// <summary>429 with <c>Retry-After</c> and an exhausted rate limit (<c>x-ratelimit-remaining: 0</c> on GitHub).</summary>
    TooManyRequests,

    /// <summary>GitHub: 403 "secondary rate limit" with <c>retry-after</c>. Jira: 429 with a burst reason.</summary>
    SecondaryRateLimit,

    /// <summary>500 Internal Server Error.</summary>
    InternalServerError,

    /// <summary>502 Bad Gateway (HTML body, as a proxy would send).</summary>
    BadGateway,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted before any response is written.</summary>
    ConnectionReset,

    /// <summary>The real response with its body cut short; the response then ends cleanly (chunked), so the client reads invalid JSON.</summary>
    TruncatedJson,

    /// <summary>The real response headers (with the full <c>Content-Length</c>) and a prefix of the body, then the connection is aborted.</summary>
    TruncatedThenReset,

    /// <summary>The real response, after <see cref="FaultOptions.SlowResponseDelay"/> measured on the server's TimeProvider.</summary>
    SlowResponse,
}
