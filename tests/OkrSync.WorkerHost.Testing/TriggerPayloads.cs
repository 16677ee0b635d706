using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cronos;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// The trigger input and trigger metadata the host sends, in its shapes: binding data values that are not strings
/// are JSON (Newtonsoft's, e.g. <c>"1"</c> for a number, a quoted ISO 8601 string for a DateTimeOffset).
/// </summary>
internal static class TriggerPayloads
{
    /// <summary>
    /// The host's TimerInfo (PascalCase). The schedule status is what the schedule monitor keeps: this occurrence as
    /// the last, and the next occurrence of a CRON schedule (left out for other schedules).
    /// </summary>
    public static (TypedData Input, Dictionary<string, TypedData> Metadata) Timer(string schedule, bool isPastDue, DateTimeOffset now)
    {
        var next = NextOccurrence(schedule, now);
        var timerInfo = new Dictionary<string, object?>
        {
            ["Schedule"] = new { AdjustForDST = true },
            ["ScheduleStatus"] = next is null ? null : new { Last = now, Next = next, LastUpdated = now },
            ["IsPastDue"] = isPastDue,
        };
        var input = new TypedData { Json = JsonSerializer.Serialize(timerInfo) };
        var metadata = new Dictionary<string, TypedData>
        {
            ["TimerTrigger"] = new() { String = now.ToString(CultureInfo.InvariantCulture) },
        };
        return (input, metadata);
    }

    /// <summary>A queue message as a string input (the binding's dataType is String) with the queue trigger's binding data.</summary>
    public static (TypedData Input, Dictionary<string, TypedData> Metadata) Queue(string messageText, long dequeueCount, DateTimeOffset now)
    {
        var input = new TypedData { String = messageText };
        var metadata = new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = new() { String = messageText },
            ["DequeueCount"] = Json(dequeueCount),
            ["Id"] = new() { String = Guid.NewGuid().ToString() },
            ["PopReceipt"] = new() { String = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) },
            ["InsertionTime"] = Json(now),
            ["ExpirationTime"] = Json(now.AddDays(7)),
            ["NextVisibleTime"] = Json(now.AddSeconds(30)),
        };
        return (input, metadata);
    }

    private static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };

    private static DateTimeOffset? NextOccurrence(string schedule, DateTimeOffset now)
    {
        var format = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(schedule, format, out var cron) ? cron.GetNextOccurrence(now, TimeZoneInfo.Utc) : null;
    }
}
