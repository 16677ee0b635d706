using OkrSync.Core.Ports;

namespace OkrSync.Mail;

/// <summary>
/// Outbox mode, the default when no SMTP host is configured: each mail becomes an <c>.eml</c> file named
/// <c>{ISO week}-{recipient slug}.eml</c> (e.g. <c>2026-W48-vp-growth-at-acme.example.eml</c>) in the outbox folder.
/// The file appears whole (written aside, then moved), so a reader never sees half a message.
/// </summary>
public sealed partial class OutboxMailer(string folder, string from, TimeProvider clock, ILogger<OutboxMailer> logger) : IMailer
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public static string FileName(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return $"{mail.IsoWeek}-{MimeMessages.Slug(mail.To)}.eml";
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(mail));
        var partial = path + $".{Guid.NewGuid():N}.tmp";
        var message = MimeMessages.Create(mail, from, clock.GetUtcNow());
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        LogWritten(logger, mail.IsoWeek, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report for {IsoWeek} written to the outbox: {Path}")]
    private static partial void LogWritten(ILogger logger, string isoWeek, string path);
}
