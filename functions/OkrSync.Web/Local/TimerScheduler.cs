using System.Globalization;
using System.Text.Json;
using Cronos;
using OkrSync.Pipeline;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Local;

/// <summary>
/// <c>okrsync serve</c>'s stand-in for the host's timer triggers: each <c>timerTrigger</c> in the function folders
/// fires on its NCRONTAB schedule (six fields, UTC) with the host's timer payload, through the same
/// <see cref="InvocationDispatcher"/> the host's <c>POST /{FunctionName}</c> reaches.
/// </summary>
internal sealed partial class TimerScheduler(IReadOnlyList<TimerFunction> timers, InvocationDispatcher dispatcher, TimeProvider clock, ILogger<TimerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(timer => RunAsync(timer, CronExpression.Parse(timer.Schedule, CronFormat.IncludeSeconds), stoppingToken)));

    private async Task RunAsync(TimerFunction timer, CronExpression schedule, CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        LogScheduled(logger, timer.Name, timer.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var following = schedule.GetNextOccurrence(next, TimeZoneInfo.Utc);
            var outcome = await dispatcher.DispatchAsync(timer.Name, Payload(timer.Name, last, following, clock.GetUtcNow()), stoppingToken);
            LogFired(logger, timer.Name, outcome.StatusCode, string.Join(" | ", outcome.Result.Logs));
            last = next;
        }
    }

    /// <summary>The host's timer invocation payload (PascalCase <c>TimerInfo</c>, and <c>sys</c> metadata).</summary>
    public static InvocationRequest Payload(string function, DateTimeOffset? last, DateTimeOffset? next, DateTimeOffset now)
    {
        static string Time(DateTimeOffset? t) => (t ?? DateTimeOffset.MinValue).ToString("o", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, object>
            {
                ["timer"] = new Dictionary<string, object>
                {
                    ["Schedule"] = new Dictionary<string, object> { ["AdjustForDST"] = false },
                    ["ScheduleStatus"] = new Dictionary<string, string> { ["Last"] = Time(last), ["Next"] = Time(next), ["LastUpdated"] = Time(now) },
                    ["IsPastDue"] = false,
                },
            },
            ["Metadata"] = new Dictionary<string, object>
            {
                ["sys"] = new Dictionary<string, string> { ["MethodName"] = function, ["UtcNow"] = Time(now), ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        });
        return InvocationRequest.Parse(json);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} scheduled: {Schedule} (UTC)")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} ran: {Status} {Logs}")]
    private static partial void LogFired(ILogger logger, string function, int status, string logs);
}
