using OkrSync.Pipeline;

namespace OkrSync.Mail;

/// <summary>
/// The weekly report on the mail sender: sends this ISO week's digests once per recipient. A failed recipient fails
/// the invocation, so the host's retry policy (function.json) runs it again and the retry sends only what is missing.
/// </summary>
public sealed class MailWeeklyReportJob(WeeklyReportSender sender) : IWeeklyReportJob
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await sender.SendAsync(cancellationToken: cancellationToken);
        return result.Succeeded ? [result.Describe()] : throw new InvalidOperationException(result.Describe());
    }
}
