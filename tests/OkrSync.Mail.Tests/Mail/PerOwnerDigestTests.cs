using MimeKit;
using OkrSync.Mail;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Mail;

[Collection(MailDevCollection.Name)]
public sealed class PerOwnerDigestTests(MailDevFixture maildev) : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task PerOwnerDigests_GiveEachOwnerOnlyTheirPart()
    {
        var ceo = MailAddresses.Unique("ceo");
        var options = new MailOptions { Host = "127.0.0.1", Port = maildev.SmtpPort, Security = MailSecurity.None, Leadership = [ceo], PerOwnerDigests = true };

        var result = await world.Sender(world.Smtp(options), options).SendAsync();

        Assert.True(result.Succeeded, result.Describe());
        var dataviz = await ReceivedAsync("dataviz-lead@acme.example");
        Assert.StartsWith("OkrSync weekly, your part: 1 finding — ", dataviz.Subject, StringComparison.Ordinal);
        Assert.Contains("Median time to first dashboard", dataviz.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ORPHANED WORK", dataviz.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("DACH", dataviz.TextBody, StringComparison.Ordinal);
        var assignee = world.Orphans.First(i => i.AssigneeEmail is not null).AssigneeEmail!;
        var theirs = world.Orphans.Where(i => i.AssigneeEmail == assignee).ToList();
        var others = world.Orphans.Except(theirs).ToList();
        var mail = await ReceivedAsync(assignee);
        Assert.All(theirs, i => Assert.Contains($"href=\"{i.Url}\"", mail.HtmlBody, StringComparison.Ordinal));
        Assert.All(others, i => Assert.DoesNotContain($"href=\"{i.Url}\"", mail.HtmlBody, StringComparison.Ordinal));
        Assert.Contains($"your part: {theirs.Count} orphaned item", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("ORPHANED WORK", (await ReceivedAsync(ceo)).TextBody, StringComparison.Ordinal);
    }

    public void Dispose() => world.Dispose();

    private async Task<MimeMessage> ReceivedAsync(string address)
    {
        var received = Assert.Single(await maildev.ListToAsync(address));
        return MimeMessage.Load(new MemoryStream(await maildev.DownloadAsync(received.Id)));
    }
}
