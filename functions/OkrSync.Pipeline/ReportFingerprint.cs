using System.Security.Cryptography;
using System.Text.Json;
using OkrSync.Core.Reports;

namespace OkrSync.Pipeline;

/// <summary>
/// A SHA-256 of a stored report's JSON with its as-of instant (and the investment window's bounds, which follow it) blanked: two reports with the same fingerprint say
/// the same thing. The JSON is streamed into the hash, never held whole, so comparing two reports of 100k items
/// costs kilobytes, not the two copies of the document that comparing strings would.
/// </summary>
public static class ReportFingerprint
{
    /// <summary>
    /// Whether the two reports have the same fingerprint (<see cref="Of"/>), without serialising either whole: the heads
    /// (both lists empty) are fingerprinted, the findings compared by value, and the work items by identity (the live
    /// report writes the same instance for an unchanged item), or else by their JSON.
    /// </summary>
    public static bool Same(ReportDocument a, ReportDocument b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.WorkItems.Count != b.WorkItems.Count || a.Findings.Count != b.Findings.Count)
        {
            return false;
        }
        // Only where the two lists may hold different instances (SharedElements): the live report's successive
        // reports share all but the chunks an event changed.
        foreach (var (start, count) in SharedElements.Unshared(a.Findings, b.Findings))
        {
            for (var i = start; i < start + count; i++)
            {
                if (!Equals(a.Findings[i], b.Findings[i]))
                {
                    return false;
                }
            }
        }
        foreach (var (start, count) in SharedElements.Unshared(a.WorkItems, b.WorkItems))
        {
            for (var i = start; i < start + count; i++)
            {
                var (x, y) = (a.WorkItems[i], b.WorkItems[i]);
                if (!ReferenceEquals(x, y) && !JsonSerializer.SerializeToUtf8Bytes(x, ReportJsonContext.Default.WorkItemJson).AsSpan()
                        .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(y, ReportJsonContext.Default.WorkItemJson)))
                {
                    return false;
                }
            }
        }
        return Of(a with { WorkItems = [], Findings = [] }) == Of(b with { WorkItems = [], Findings = [] });
    }

    public static string Of(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var sink = new HashingStream();
        // The investment window ends at the as-of, so its bounds move with it; its weights say whether anything changed.
        var investment = report.Investment is { } window ? window with { From = default, To = default } : null;
        JsonSerializer.Serialize(sink, report with { AsOf = default, Investment = investment }, ReportJsonContext.Default.ReportDocument);
        return sink.HashHex();
    }

    /// <summary>A write-only stream that feeds everything written to it into a SHA-256.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
