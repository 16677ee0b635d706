using OkrSync.Pipeline;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Functions;

/// <summary>
/// Routes the <c>WeeklyOrphanReport</c> timer (<c>%OKRSYNC_REPORT_SCHEDULE%</c>, default Mondays 07:00 UTC) to the
/// registered <see cref="IWeeklyReportJob"/>. Without one, the invocation succeeds and says so.
/// </summary>
internal sealed partial class WeeklyOrphanReportHandler(IServiceProvider services, ILogger<WeeklyOrphanReportHandler> logger) : IFunctionHandler
{
    public const string FunctionName = "WeeklyOrphanReport";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IWeeklyReportJob>() is not { } job)
        {
            LogNotWired(logger);
            return InvocationResult.Of("the weekly report is not wired (no IWeeklyReportJob registered); nothing sent");
        }
        return InvocationResult.Of([.. await job.RunAsync(cancellationToken)]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeeklyOrphanReport ran, but no IWeeklyReportJob is registered; nothing sent")]
    private static partial void LogNotWired(ILogger logger);
}
