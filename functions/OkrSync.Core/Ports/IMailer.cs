namespace OkrSync.Core.Ports;

/// <summary>Sends one e-mail. Adapters: SMTP, and an outbox folder of <c>.eml</c> files. Throws when the mail was not accepted.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>
/// One e-mail to one recipient, with HTML and plain-text alternatives of the same content.
/// <see cref="IsoWeek"/> is the week it reports on (<c>2026-W47</c>): adapters use it for stable message ids and file names.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Html, string Text, string IsoWeek);
