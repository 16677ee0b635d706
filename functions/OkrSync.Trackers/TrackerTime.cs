using System.Globalization;

namespace OkrSync.Trackers;

/// <summary>Timestamps as trackers write them: ISO-8601 (GitHub) and Jira's offsets without a colon (<c>+0900</c>).</summary>
public static class TrackerTime
{
    public static DateTimeOffset Parse(string text, string field = "timestamp")
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text;
        // Jira writes "2026-11-02T09:15:27.123+0900"; .NET wants "+09:00".
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^4]) && text[^3] != ':')
        {
            normalised = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }
        if (DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        throw new JsonFieldException(field, $"is not a timestamp: '{text}'");
    }
}
