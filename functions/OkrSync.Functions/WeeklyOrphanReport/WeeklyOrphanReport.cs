using OkrSync.Mail;
using OkrSync.Pipeline;

namespace OkrSync.Functions.WeeklyOrphanReport;

/// <summary>
/// Mondays 07:00 UTC by default (<c>%OKRSYNC_REPORT_SCHEDULE%</c>): this week's "orphaned work" e-mail, once per
/// recipient. A failed recipient fails the invocation; a rerun sends only what is missing.
/// </summary>
public sealed class WeeklyOrphanReport(MailWeeklyReportJob job)
{
    [Function(TimerSchedules.WeeklyOrphanReport)]
    public Task RunAsync([TimerTrigger("%" + TimerSchedules.ReportSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
        => job.RunAsync(cancellationToken);
}
