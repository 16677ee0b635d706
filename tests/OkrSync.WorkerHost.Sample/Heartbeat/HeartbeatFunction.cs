using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace OkrSync.WorkerHost.Sample.Heartbeat;

/// <summary>A timer function: logs what the host told it about the schedule.</summary>
public sealed partial class HeartbeatFunction(ILogger<HeartbeatFunction> logger)
{
    public const string FunctionName = "Heartbeat";
    public const string Schedule = "0 */5 * * * *";

    [Function(FunctionName)]
    public void Run([TimerTrigger(Schedule)] TimerInfo timer)
        => LogBeat(logger, timer.IsPastDue, timer.ScheduleStatus?.Next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Heartbeat; past due: {IsPastDue}, next: {Next:O}")]
    private static partial void LogBeat(ILogger logger, bool isPastDue, DateTime? next);
}
