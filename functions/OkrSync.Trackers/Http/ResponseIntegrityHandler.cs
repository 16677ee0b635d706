using System.Text.Json;

namespace OkrSync.Trackers.Http;

/// <summary>
/// Reads each successful JSON response whole and checks that it parses, inside the retry handler, so that a body cut
/// short (a reset mid-body, or truncated JSON on a cleanly ended response) is retried like any transient failure
/// instead of surfacing later as a parse error.
/// </summary>
public sealed class ResponseIntegrityHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not { } mediaType || !IsJson(mediaType))
        {
            return response;
        }
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!IsCompleteJson(bytes))
            {
                throw new IncompleteResponseException($"{(int)response.StatusCode} response to {request.RequestUri?.AbsolutePath} is not complete JSON");
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsCompleteJson(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return true; // 204-like bodies: nothing to check
        }
        var reader = new Utf8JsonReader(bytes);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>A response whose body ended early or does not parse: transient, retried.</summary>
public sealed class IncompleteResponseException : HttpRequestException
{
    public IncompleteResponseException()
    {
    }

    public IncompleteResponseException(string message)
        : base(message)
    {
    }

    public IncompleteResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
