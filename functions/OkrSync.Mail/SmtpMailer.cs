using MailKit.Net.Smtp;
using MailKit.Security;
using OkrSync.Core.Ports;

namespace OkrSync.Mail;

/// <summary>
/// Sends through SMTP with MailKit: any provider that speaks SMTP (SendGrid, Azure Communication Services,
/// Microsoft 365, a relay). One connection per mail: a digest goes out once a week, to a handful of people.
/// </summary>
public sealed partial class SmtpMailer(MailOptions options, TimeProvider clock, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var host = options.Host ?? throw new InvalidOperationException("OkrSync:Mail:Host is not set.");
        var message = MimeMessages.Create(mail, options.From, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(host, options.EffectivePort, SocketOptions(options.Security), cancellationToken);
        if (options.Username is { } username)
        {
            await client.AuthenticateAsync(username, options.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, mail.IsoWeek, host, options.EffectivePort);
    }

    public static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report for {IsoWeek} handed to SMTP {Host}:{Port}")]
    private static partial void LogSent(ILogger logger, string isoWeek, string host, int port);
}
