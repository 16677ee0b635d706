using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>Writes JSON bodies with Utf8JsonWriter (no reflection, no intermediate objects).</summary>
internal static class JsonBody
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> write, int initialCapacity = 1024)
    {
        var buffer = new ArrayBufferWriter<byte>(initialCapacity);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>A 200-style JSON response whose body lives in a pooled buffer, returned once the pipeline has written it.</summary>
    public static FakeResponse Pooled(int statusCode, Action<Utf8JsonWriter> write, int initialCapacity)
    {
        var buffer = new PooledBufferWriter(initialCapacity);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return new FakeResponse(statusCode, buffer.WrittenMemory) { BodyOwner = buffer };
    }
}
