using System.Globalization;
using System.Text.Json;

namespace OkrSync.Web.Invocations;

/// <summary>
/// A timer trigger's binding value: <c>{"Schedule": {...}, "ScheduleStatus": {"Last", "Next", "LastUpdated"} | null, "IsPastDue": bool}</c>.
/// Every part is optional: <c>ScheduleStatus</c> is null without the monitor, and <c>Last</c> may be <c>0001-01-01</c>.
/// </summary>
internal sealed record TimerInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    public static TimerInfo From(InvocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timer = request.Data.Values.FirstOrDefault(v => v.ValueKind == JsonValueKind.Object);
        if (timer.ValueKind != JsonValueKind.Object)
        {
            return new TimerInfo(false, null, null);
        }
        var pastDue = Property(timer, "IsPastDue") is { } due && (due.ValueKind == JsonValueKind.True || (due.ValueKind == JsonValueKind.String && bool.TryParse(due.GetString(), out var p) && p));
        var status = Property(timer, "ScheduleStatus");
        return new TimerInfo(pastDue, Time(status, "Last"), Time(status, "Next"));
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }
        return null;
    }

    private static DateTimeOffset? Time(JsonElement? parent, string name) =>
        parent is { } p && Property(p, name) is { ValueKind: JsonValueKind.String } value
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
        && time.Year > 1 ? time : null;
}
