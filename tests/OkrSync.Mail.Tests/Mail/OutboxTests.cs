using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using OkrSync.Mail;

namespace OkrSync.Functions.Tests.Mail;

public sealed class OutboxTests : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task NoSmtpHost_WritesOneEmlPerRecipientOnceAWeek()
    {
        var options = new MailOptions { OutboxPath = Path.Combine(world.Folder, "outbox"), Leadership = ["CEO@acme.example", "cto@acme.example"] };
        var mailer = Mailers.Create(options, world.Clock, NullLoggerFactory.Instance);

        var first = await world.Sender(mailer, options).SendAsync();
        var second = await world.Sender(mailer, options).SendAsync();

        Assert.IsType<OutboxMailer>(mailer);
        Assert.Equal(["ceo@acme.example", "cto@acme.example"], first.Sent);
        Assert.Equal(2, second.Skipped.Count);
        var files = Directory.GetFiles(options.OutboxPath).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["2026-W48-ceo-at-acme.example.eml", "2026-W48-cto-at-acme.example.eml"], files);
        var message = await MimeMessage.LoadAsync(Path.Combine(options.OutboxPath, files[0]!));
        Assert.Equal("ceo@acme.example", message.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith($"OkrSync weekly: {world.Report.Summary.OpenOrphaned} orphaned items", message.Subject, StringComparison.Ordinal);
        Assert.Contains("ORPHANED WORK", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("2026-W48", message.Headers["X-OkrSync-Week"]);
    }

    [Fact]
    public void Options_FromConfiguration_ReadTheMailSectionAndNeverShowThePassword()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OkrSync:Mail:Host"] = "smtp.sendgrid.net",
            ["OkrSync:Mail:Security"] = "SslOnConnect",
            ["OkrSync:Mail:Username"] = "apikey",
            ["OkrSync:Mail:Password"] = "SG.secret-value",
            ["OkrSync:Mail:Leadership"] = "ceo@acme.example, cto@acme.example",
            ["OkrSync:Mail:PerOwnerDigests"] = "true",
        }).Build();

        var options = MailOptions.FromConfiguration(configuration);

        Assert.True(options.UsesSmtp);
        Assert.Equal(465, options.EffectivePort);
        Assert.Equal(["ceo@acme.example", "cto@acme.example"], options.Leadership);
        Assert.True(options.PerOwnerDigests);
        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => world.Dispose();
}
