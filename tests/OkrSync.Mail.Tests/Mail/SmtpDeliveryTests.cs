using MimeKit;
using OkrSync.Core.Digest;
using OkrSync.Mail;
using OkrSync.Testing.Emulators;
using Xunit.Abstractions;

namespace OkrSync.Functions.Tests.Mail;

[Collection(MailDevCollection.Name)]
public sealed class SmtpDeliveryTests(MailDevFixture maildev, ITestOutputHelper output) : IDisposable
{
    private const string ReportUrl = "https://okrsync.acme.example/orphans";
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task LeadershipDigest_ArrivesOverSmtpWithBothPartsTheHeadlineSubjectAndTheLinks()
    {
        var (ceo, cto) = (MailAddresses.Unique("ceo"), MailAddresses.Unique("cto"));
        var options = Options([ceo, cto]);

        var result = await world.Sender(world.Smtp(options), options).SendAsync();

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal([ceo, cto], result.Sent);
        var message = await ReceivedAsync(ceo);
        var orphans = world.Report.Summary.OpenOrphaned;
        Assert.StartsWith($"OkrSync weekly: {orphans} orphaned items (", message.Subject, StringComparison.Ordinal);
        Assert.Contains("▲3 since last week) — Acme Cloud 2026 H2", message.Subject, StringComparison.Ordinal);
        Assert.Equal("alternative", Assert.IsType<MultipartAlternative>(message.Body).ContentType.MediaSubtype);
        Assert.Contains("ORPHANED WORK", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", message.HtmlBody, StringComparison.Ordinal);
        var oldest = world.Orphans.OrderBy(i => i.Created).First();
        Assert.Contains(oldest.Url, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{oldest.Url}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ReportUrl}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"And {orphans - 5} more orphaned items: {ReportUrl}", message.TextBody, StringComparison.Ordinal);
        Assert.Single(await maildev.ListToAsync(cto));
    }

    [Fact]
    public async Task LeadershipDigestHtml_RendersInChromiumAtDesktopAndPhoneWidths()
    {
        var lead = MailAddresses.Unique("lead");
        var options = Options([lead]) with { OrphanCap = DigestOptions.Default.OrphanCap, ReportUrl = null };
        await world.Sender(world.Smtp(options), options).SendAsync();
        var html = (await ReceivedAsync(lead)).HtmlBody ?? "";

        var desktop = await ChromiumScreenshot.CaptureAsync(html, Path.Combine(ChromiumScreenshot.ArtifactFolder, "weekly-digest-desktop-1024.png"), 1024, 3000);
        var phone = await ChromiumScreenshot.CaptureAsync(html, Path.Combine(ChromiumScreenshot.ArtifactFolder, "weekly-digest-phone-390.png"), 390, 4200);

        output.WriteLine($"screenshots: {desktop} and {phone}");
        Assert.Equal((1024, 3000), ChromiumScreenshot.PngSize(desktop));
        Assert.Equal((390, 4200), ChromiumScreenshot.PngSize(phone));
    }

    public void Dispose() => world.Dispose();

    private MailOptions Options(string[] leadership) => new()
    {
        Host = "127.0.0.1",
        Port = maildev.SmtpPort,
        Security = MailSecurity.None,
        From = "OkrSync <okrsync@acme.example>",
        Leadership = leadership,
        OrphanCap = 5,
        ReportUrl = ReportUrl,
    };

    private async Task<MimeMessage> ReceivedAsync(string address)
    {
        var received = Assert.Single(await maildev.ListToAsync(address));
        return MimeMessage.Load(new MemoryStream(await maildev.DownloadAsync(received.Id)));
    }
}
