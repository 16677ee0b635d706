namespace OkrSync.Testing.FakeTrackers;

/// <summary>The tracker-specific parts of request handling: authentication, fault bodies, response decoration.</summary>
internal interface IFakeProtocol
{
    /// <summary>Returns a response that ends the request (401, rate limit exceeded), or null to go on.</summary>
    FakeResponse? Authenticate(HttpContext context, string endpoint);

    /// <summary>The response standing in for a status-code fault (rate limits, 5xx).</summary>
    FakeResponse Fault(FaultKind kind, FaultOptions faultOptions);

    /// <summary>Decorates a handler's response (rate-limit headers, ETag, 304) before it is written.</summary>
    FakeResponse Complete(HttpContext context, string endpoint, FakeResponse response);
}
