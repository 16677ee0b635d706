using System.Buffers.Text;
using System.Security.Cryptography;

namespace OkrSync.Storage.Reports;

/// <summary>
/// A part's name: the first 120 bits of the SHA-256 of its JSON (20 base64url characters), then 48 random bits
/// (8 more) chosen by the write that first stored it. The hash lets a writer reuse a stored part with the same content
/// instead of writing it again; the random tail makes every upload's name its own, so that a writer that lost the race
/// for the manifest can delete what it uploaded without touching a part another writer's manifest names.
/// </summary>
internal static class ReportPartNames
{
    public const int HashLength = 20;
    public const int Length = HashLength + 8;

    public static string Hash(ReadOnlySpan<byte> json)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, digest);
        return Base64Url.EncodeToString(digest[..15]);
    }

    public static string New(string hash)
    {
        Span<byte> nonce = stackalloc byte[6];
        RandomNumberGenerator.Fill(nonce);
        return hash + Base64Url.EncodeToString(nonce);
    }

    public static string HashOf(string name) => name.Length >= HashLength ? name[..HashLength] : name;
}
