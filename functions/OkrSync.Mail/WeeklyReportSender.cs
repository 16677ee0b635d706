using OkrSync.Core.Digest;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Mail;

/// <summary>
/// Sends this ISO week's digests exactly once per recipient: each send is claimed in the store first (a lease, so a
/// crashed sender's claim expires), marked sent after the mailer accepted it, and released when it failed, so that the
/// next run (a retry, or the timer firing again) sends it. One recipient's failure does not stop the others.
/// </summary>
public sealed partial class WeeklyReportSender(ISendLedger ledger, DigestSource digest, IMailer mailer, MailOptions options, TimeProvider clock, ILogger<WeeklyReportSender> logger)
{
    /// <summary>How long a claim holds before another sender may take it over.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(15);

    /// <summary>This week's digests and their recipients, without sending or claiming anything (for dry runs). Null when no report is stored.</summary>
    public Task<IReadOnlyList<DigestMail>?> PlanAsync(IReadOnlyList<string>? overrideTo = null, CancellationToken cancellationToken = default) =>
        PlanAsync(clock.GetUtcNow(), overrideTo, cancellationToken);

    /// <summary>Sends this week's digests; <paramref name="overrideTo"/> replaces the configured recipients.</summary>
    public async Task<WeeklyReportResult> SendAsync(IReadOnlyList<string>? overrideTo = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var week = WeeklySnapshot.IsoWeekOf(now);
        var plan = await PlanAsync(now, overrideTo, cancellationToken) ?? throw new InvalidOperationException("No report is stored yet: run a sync before sending the weekly report.");
        var (sent, skipped, failed) = (new List<string>(), new List<string>(), new List<SendFailure>());
        foreach (var mail in plan.SelectMany(m => m.ToMails()))
        {
            var recipient = mail.To.ToLowerInvariant();
            if (!await ledger.TryClaimReportSendAsync(week, recipient, clock.GetUtcNow(), ClaimLease, cancellationToken))
            {
                LogSkipped(logger, week, recipient);
                skipped.Add(recipient);
                continue;
            }
            if (await TrySendAsync(week, recipient, mail, cancellationToken) is { } failure)
            {
                failed.Add(failure);
                continue;
            }
            sent.Add(recipient);
        }
        return new WeeklyReportResult(week, sent, skipped, failed);
    }

    private async Task<IReadOnlyList<DigestMail>?> PlanAsync(DateTimeOffset now, IReadOnlyList<string>? overrideTo, CancellationToken cancellationToken)
    {
        var input = await digest.ReadAsync(cancellationToken);
        return input is null ? null : WeeklyMailPlan.Plan(input, now, options.PlanOptions, overrideTo);
    }

    private async Task<SendFailure?> TrySendAsync(string week, string recipient, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(mail, cancellationToken);
        }
        catch (Exception e)
        {
            // Released whatever went wrong (also on cancellation), so that a retry can claim it at once.
            await ledger.ReleaseReportSendAsync(week, recipient, CancellationToken.None);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            LogFailed(logger, e, week, recipient);
            return new SendFailure(recipient, e.Message);
        }
        try
        {
            await ledger.MarkReportSentAsync(week, recipient, clock.GetUtcNow(), CancellationToken.None);
            LogSent(logger, week, recipient);
            return null;
        }
        catch (Exception e)
        {
            // Sent, but not recorded: the claim stays until its lease expires, so a prompt retry does not send it twice.
            LogNotRecorded(logger, e, week, recipient);
            return new SendFailure(recipient, $"sent, but could not be recorded as sent: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {IsoWeek} sent to {Recipient}")]
    private static partial void LogSent(ILogger logger, string isoWeek, string recipient);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {IsoWeek} for {Recipient} skipped: already sent, or being sent by another run")]
    private static partial void LogSkipped(ILogger logger, string isoWeek, string recipient);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly report {IsoWeek} to {Recipient} failed; not marked sent, a retry will send it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string isoWeek, string recipient);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly report {IsoWeek} to {Recipient} was sent but could not be recorded as sent")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string isoWeek, string recipient);
}
