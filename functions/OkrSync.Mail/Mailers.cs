using OkrSync.Core.Ports;

namespace OkrSync.Mail;

/// <summary>Picks the mailer from configuration: SMTP when a host is configured, else the outbox folder.</summary>
public static class Mailers
{
    public static IMailer Create(MailOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        return options.UsesSmtp
            ? new SmtpMailer(options, clock, loggers.CreateLogger<SmtpMailer>())
            : new OutboxMailer(options.OutboxPath, options.From, clock, loggers.CreateLogger<OutboxMailer>());
    }
}
