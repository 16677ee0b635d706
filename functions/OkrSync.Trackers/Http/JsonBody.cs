using System.Net.Http.Headers;
using System.Text.Json;

namespace OkrSync.Trackers.Http;

/// <summary>
/// A successful JSON response's body, read once by <see cref="ResponseIntegrityHandler"/> and kept as one exact array:
/// the readers parse these bytes in place (<see cref="ParseAsync"/>, <see cref="Parse"/>) instead of copying them again
/// or decoding them to a string first. A page of 100 issues is a few hundred kilobytes, so every copy saved is one less
/// large-object allocation (and, under load, one less full garbage collection) per page.
/// </summary>
internal sealed class JsonBody : ByteArrayContent
{
    // A Content-Length up to this is allocated up front; a larger claim is not trusted with memory before the bytes arrive.
    private const long MaxPresized = 16 * 1024 * 1024;

    private JsonBody(byte[] bytes)
        : base(bytes)
    {
        Bytes = bytes;
    }

    public byte[] Bytes { get; }

    /// <summary>Reads <paramref name="content"/> whole into one array (sized by Content-Length when given) and keeps its headers.</summary>
    public static async Task<JsonBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] bytes;
        await using (var stream = await content.ReadAsStreamAsync(cancellationToken))
        {
            if (content.Headers.ContentLength is { } length and >= 0 and <= MaxPresized)
            {
                bytes = new byte[(int)length];
                var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
                if (read < bytes.Length)
                {
                    bytes = bytes[..read]; // shorter than announced: the integrity check sees what arrived
                }
            }
            else
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
        }
        var body = new JsonBody(bytes);
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                body.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        body.Headers.ContentLength = bytes.Length;
        return body;
    }

    /// <summary>The content as a JSON document: in place when it is a <see cref="JsonBody"/>, else read from its stream.</summary>
    public static async Task<JsonDocument> ParseAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is JsonBody body)
        {
            return JsonDocument.Parse(body.Bytes);
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    /// <summary>An Octokit response body as a JSON document: the raw bytes (<see cref="JsonBody"/>), a string, or <paramref name="empty"/> when none.</summary>
    public static JsonDocument Parse(object? responseBody, string empty) => responseBody switch
    {
        byte[] bytes => JsonDocument.Parse(bytes),
        string text => JsonDocument.Parse(text),
        _ => JsonDocument.Parse(empty),
    };

    public static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } mediaType
        && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
