using System.Globalization;
using System.Text.RegularExpressions;

namespace OkrSync.Testing.FakeTrackers.Jira.Jql;

/// <summary>
/// JQL date literals: <c>yyyy-MM-dd HH:mm</c>, <c>yyyy/MM/dd HH:mm</c>, <c>yyyy-MM-dd</c>, <c>yyyy/MM/dd</c> in the user's
/// time zone (no seconds: minute granularity), or periods relative to now such as <c>-5d</c>, <c>-4w 2d</c>, <c>-90m</c>.
/// </summary>
internal sealed partial class JqlDates(TimeZoneInfo zone, DateTimeOffset now)
{
    private static readonly string[] Formats = ["yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d", "yyyy/M/d"];

    public bool UsedRelative { get; private set; }

    public DateTimeOffset Parse(string field, string text)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(30);
            }

            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }

        var period = Period().Match(trimmed);
        if (period.Success && trimmed.Length > 1)
        {
            UsedRelative = true;
            var total = TimeSpan.Zero;
            foreach (Match part in PeriodPart().Matches(period.Groups["parts"].Value))
            {
                var amount = int.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
                total += part.Groups["unit"].Value.ToLowerInvariant() switch
                {
                    "w" => TimeSpan.FromDays(7 * amount),
                    "d" => TimeSpan.FromDays(amount),
                    "h" => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromMinutes(amount),
                };
            }

            return period.Groups["sign"].Value == "-" ? now - total : now + total;
        }

        throw new JqlException(
            $"Date value '{trimmed}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', "
            + "'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    [GeneratedRegex(@"^(?<sign>[-+]?)\s*(?<parts>(\d+\s*[wdhmWDHM]\s*)+)$")]
    private static partial Regex Period();

    [GeneratedRegex(@"(?<n>\d+)\s*(?<unit>[wdhmWDHM])")]
    private static partial Regex PeriodPart();
}
