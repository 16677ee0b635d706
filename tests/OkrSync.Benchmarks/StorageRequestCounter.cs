using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OkrSync.Benchmarks;

/// <summary>
/// Counts the Table Storage requests a client sends, on the wire (retries included), and the time each kind spent
/// waiting for its response (summed; parallel requests overlap): entity group transactions (<c>POST $batch</c>), reads
/// (GET: queries and point reads) and other writes (single-entity upserts, table creation). Add it to
/// <c>TableClientOptions</c> with <see cref="HttpPipelinePosition.PerRetry"/>. It only observes: requests pass unchanged.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private const string StartedProperty = "okrsync-bench-started";
    private readonly long[] counts = new long[3];
    private readonly long[] ticks = new long[3];

    public StorageRequests Snapshot() => new(
        Interlocked.Read(ref counts[0]), Interlocked.Read(ref counts[1]), Interlocked.Read(ref counts[2]),
        Seconds(0), Seconds(1), Seconds(2));

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref counts[KindOf(message.Request)]);
        message.SetProperty(StartedProperty, Stopwatch.GetTimestamp());
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.TryGetProperty(StartedProperty, out var started) && started is long start)
        {
            Interlocked.Add(ref ticks[KindOf(message.Request)], Stopwatch.GetTimestamp() - start);
        }
    }

    private double Seconds(int kind) => (double)Interlocked.Read(ref ticks[kind]) / Stopwatch.Frequency;

    private static int KindOf(Request request) =>
        request.Method == RequestMethod.Get ? 1 : request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) ? 0 : 2;
}

/// <summary>Table Storage requests by kind, and the summed seconds each kind waited for responses.</summary>
internal sealed record StorageRequests(long Batches, long Reads, long OtherWrites, double BatchSeconds, double ReadSeconds, double OtherWriteSeconds)
{
    public static StorageRequests operator -(StorageRequests end, StorageRequests start) => new(
        end.Batches - start.Batches, end.Reads - start.Reads, end.OtherWrites - start.OtherWrites,
        end.BatchSeconds - start.BatchSeconds, end.ReadSeconds - start.ReadSeconds, end.OtherWriteSeconds - start.OtherWriteSeconds);
}
