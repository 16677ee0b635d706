using OkrSync.Mail;
using OkrSync.Pipeline;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Functions;

/// <summary>
/// Routes <c>serve</c>'s <c>WeeklyOrphanReport</c> timer (<c>OKRSYNC_REPORT_SCHEDULE</c>, default Mondays 07:00 UTC)
/// and its admin endpoint to the <see cref="MailWeeklyReportJob"/>, as the function app's timer does.
/// </summary>
internal sealed class WeeklyOrphanReportHandler(MailWeeklyReportJob job) : IFunctionHandler
{
    public const string FunctionName = TimerSchedules.WeeklyOrphanReport;

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default) =>
        InvocationResult.Of([.. await job.RunAsync(cancellationToken)]);
}
