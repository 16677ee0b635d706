using System.Security.Cryptography;
using System.Text;

namespace OkrSync.Pipeline.Webhooks;

/// <summary>The result of checking a webhook's HMAC signature.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Mismatch,
    NoSecretConfigured,
}

/// <summary>
/// HMAC-SHA256 signatures as GitHub (<c>X-Hub-Signature-256: sha256=HEX</c>) and Jira admin webhooks
/// (<c>X-Hub-Signature: sha256=HEX</c>) send them: over the raw body, compared in constant time.
/// </summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";

    public static SignatureCheck Verify(string? secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.NoSecretConfigured;
        }
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.Missing;
        }
        var text = header.Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text.Length != Prefix.Length + (SHA256.HashSizeInBytes * 2))
        {
            return SignatureCheck.Mismatch;
        }
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(text.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return SignatureCheck.Mismatch;
        }
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value a sender computes: <c>sha256=</c> and the lowercase hex HMAC of the body.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
