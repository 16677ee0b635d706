using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OkrSync.Core.Work;

namespace OkrSync.Storage;

/// <summary>
/// The content hash stored with every item: SHA-256 over a canonical serialization of all the item's fields in a
/// fixed order, each written as a tag, its length and its UTF-16 code units (so no text, however odd, can make two
/// different items collide or make hashing fail). Times are in round-trip form with their offsets. Computed on the
/// item as the tracker gave it, before storage limits cut anything, so an unchanged item always hashes the same.
/// </summary>
internal static class WorkItemHash
{
    // Change when the canonical form changes: every stored item then looks changed once and is rewritten once.
    private const string Version = "okrsync-item-v1";

    public static string Compute(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // The same bytes as ever, written into one buffer and hashed in one call (not ~60 small appends per item).
        var writer = new CanonicalWriter(stackalloc byte[1024]);
        try
        {
            writer.Text(Version);
            writer.Text(item.Source.Value);
            writer.Text(item.Key);
            writer.Text(item.Container);
            writer.Text(item.Title);
            writer.Text(item.Url);
            writer.Text(item.Type);
            writer.Text(item.State.ToName());
            writer.Text(item.Status);
            writer.List(item.Labels);
            writer.Text(item.ParentKey);
            writer.Text(item.Milestone);
            writer.List(item.Components);
            writer.Text(item.Assignee);
            writer.Text(item.AssigneeEmail);
            writer.Text(item.Estimate?.ToString("R", CultureInfo.InvariantCulture));
            writer.Text(StoredTime.Format(item.Created));
            writer.Text(StoredTime.Format(item.Updated));
            writer.Text(item.Closed is { } closed ? StoredTime.Format(closed) : null);
            writer.Text(item.IsPullRequest ? "pr" : "issue");
            writer.Text(item.Body);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(writer.Written, digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Each value as a tag, its length and its UTF-16 code units; grows into a pooled array past the stack buffer.</summary>
    private ref struct CanonicalWriter(Span<byte> initial)
    {
        private Span<byte> buffer = initial;
        private byte[]? rented;
        private int length;

        public readonly ReadOnlySpan<byte> Written => buffer[..length];

        public void Text(string? value)
        {
            if (value is null)
            {
                Append("N"u8);
                return;
            }

            var units = MemoryMarshal.AsBytes(value.AsSpan());
            Reserve(1 + sizeof(int) + units.Length);
            buffer[length++] = (byte)'S';
            BitConverter.TryWriteBytes(buffer[length..], value.Length);
            length += sizeof(int);
            units.CopyTo(buffer[length..]);
            length += units.Length;
        }

        public void List(IReadOnlyList<string> values)
        {
            Append("L"u8);
            Text(values.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var value in values)
            {
                Text(value);
            }
        }

        public readonly void Dispose()
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(buffer[length..]);
            length += bytes.Length;
        }

        private void Reserve(int more)
        {
            if (length + more <= buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
            buffer[..length].CopyTo(larger);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            rented = larger;
            buffer = larger;
        }
    }
}
