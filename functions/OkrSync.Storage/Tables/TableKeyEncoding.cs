using System.Security.Cryptography;
using System.Text;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Turns any text into a valid PartitionKey/RowKey. Table Storage forbids <c>/ \ # ?</c> and control characters in
/// keys, and some tools stumble on <c>% ' ~</c> and spaces, so only <c>A-Z a-z 0-9 - _ . : @ + = , !</c> pass as they
/// are; every other character becomes <c>~HH</c> per UTF-8 byte (e.g. <c>owner/repo#12</c> becomes
/// <c>owner~2Frepo~2312</c>). The encoding is reversible and keeps distinct texts distinct.
/// Keys are limited to 1 KiB: an encoding longer than <see cref="MaxLength"/> characters is cut at
/// <see cref="KeptPrefixLength"/>, followed by <c>~~</c> and the SHA-256 of the original text (still unique, no longer
/// reversible: every entity also stores its original key as a property).
/// </summary>
internal static class TableKeyEncoding
{
    public const int MaxLength = 480;
    public const int KeptPrefixLength = 400;
    private const string HashedMarker = "~~";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (IsSafe(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('~').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var cut = KeptPrefixLength;
        // Never cut inside an escape: back up to the start of a ~HH triple.
        while (cut > 0 && (builder[cut - 1] == '~' || (cut > 1 && builder[cut - 2] == '~')))
        {
            cut--;
        }

        return string.Concat(builder.ToString(0, cut), HashedMarker, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The original text of an encoded key; null for a hashed (too long) one.</summary>
    public static string? Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Contains(HashedMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '~')
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Escapes a key for an OData filter literal.</summary>
    public static string Quote(string key) => "'" + key.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool IsSafe(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)':' or (byte)'@' or (byte)'+' or (byte)'=' or (byte)',' or (byte)'!';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
