namespace OkrSync.Mail;

/// <summary>
/// The weekly "orphaned work" report that the <c>WeeklyOrphanReport</c> timer runs (in the function app and in
/// <c>serve</c>): sends this ISO week's digests once per recipient. A failed recipient fails the invocation, so the
/// host retries it and the retry sends only what is missing.
/// </summary>
public sealed class MailWeeklyReportJob(WeeklyReportSender sender)
{
    /// <summary>Runs the weekly report; returns the lines to log. Throws when a recipient failed.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await sender.SendAsync(cancellationToken: cancellationToken);
        return result.Succeeded ? [result.Describe()] : throw new InvalidOperationException(result.Describe());
    }
}
