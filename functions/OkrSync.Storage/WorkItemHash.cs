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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Text(hash, Version);
        Text(hash, item.Source.Value);
        Text(hash, item.Key);
        Text(hash, item.Container);
        Text(hash, item.Title);
        Text(hash, item.Url);
        Text(hash, item.Type);
        Text(hash, item.State.ToName());
        Text(hash, item.Status);
        List(hash, item.Labels);
        Text(hash, item.ParentKey);
        Text(hash, item.Milestone);
        List(hash, item.Components);
        Text(hash, item.Assignee);
        Text(hash, item.AssigneeEmail);
        Text(hash, item.Estimate?.ToString("R", CultureInfo.InvariantCulture));
        Text(hash, StoredTime.Format(item.Created));
        Text(hash, StoredTime.Format(item.Updated));
        Text(hash, item.Closed is { } closed ? StoredTime.Format(closed) : null);
        Text(hash, item.IsPullRequest ? "pr" : "issue");
        Text(hash, item.Body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Text(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData("N"u8);
            return;
        }

        hash.AppendData("S"u8);
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, value.Length);
        hash.AppendData(length);
        hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static void List(IncrementalHash hash, IReadOnlyList<string> values)
    {
        hash.AppendData("L"u8);
        Text(hash, values.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            Text(hash, value);
        }
    }
}
