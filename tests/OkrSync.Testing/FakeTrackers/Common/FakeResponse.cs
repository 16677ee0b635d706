namespace OkrSync.Testing.FakeTrackers;

/// <summary>A complete response produced by a fake tracker handler, written (or faulted) by the pipeline.</summary>
internal sealed record FakeResponse(int StatusCode, ReadOnlyMemory<byte> Body, string? ContentType = "application/json; charset=utf-8")
{
    public List<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Owner of a pooled body, disposed by the pipeline after the response is written.</summary>
    public IDisposable? BodyOwner { get; init; }

    public static FakeResponse Json(int statusCode, ReadOnlyMemory<byte> body) => new(statusCode, body);

    public static FakeResponse Empty(int statusCode) => new(statusCode, ReadOnlyMemory<byte>.Empty, null);

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}
