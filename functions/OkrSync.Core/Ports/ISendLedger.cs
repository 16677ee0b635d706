namespace OkrSync.Core.Ports;

/// <summary>
/// Which weekly report went to which recipient: a claim with a lease while a send is under way, then sent for good, so
/// that each recipient gets each week's report once. A role of <see cref="IWorkStore"/>: one store instance serves
/// every role.
/// </summary>
public interface ISendLedger
{
    /// <summary>
    /// Claims the send of one report to one recipient for one ISO week (e.g. <c>2026-W47</c>). False when it was
    /// already sent, or another sender holds an unexpired claim. A claim expires after <paramref name="lease"/>.
    /// </summary>
    Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed send as done: it will never be claimed again.</summary>
    Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a failed send, so that a retry can claim it.</summary>
    Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default);
}
