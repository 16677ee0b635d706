using System.Globalization;

namespace OkrSync.Storage;

/// <summary>
/// Times are stored as round-trip strings (<c>o</c>) so the tracker's offset survives; Table Storage's own DateTime
/// type would keep only UTC. Comparisons use the instant, never the string.
/// </summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, "o", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset? ParseOptional(string? value) => string.IsNullOrEmpty(value) ? null : Parse(value);
}
