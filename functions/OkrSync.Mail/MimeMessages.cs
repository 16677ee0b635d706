using System.Text;
using MimeKit;
using OkrSync.Core.Ports;

namespace OkrSync.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into a MIME message: multipart/alternative with the text part first, then the HTML.</summary>
public static class MimeMessages
{
    public static MimeMessage Create(OutgoingMail mail, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = date,
            MessageId = $"okrsync.{mail.IsoWeek}.{Slug(mail.To)}@{Domain(sender.Address)}",
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-OkrSync-Week", mail.IsoWeek);
        return message;
    }

    /// <summary>An address as a file-name- and id-safe slug: <c>Vp.Growth@acme.example</c> gives <c>vp.growth-at-acme.example</c>.</summary>
    public static string Slug(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var slug = new StringBuilder(address.Length + 4);
        foreach (var c in address.Trim().ToLowerInvariant())
        {
            slug.Append(c switch
            {
                '@' => "-at-",
                _ when char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' => c.ToString(),
                _ => "-",
            });
        }
        return slug.ToString();
    }

    private static string Domain(string address) => address.Contains('@', StringComparison.Ordinal) ? address[(address.LastIndexOf('@') + 1)..] : "okrsync.local";
}
