using OkrSync.Core.Ports;
using OkrSync.Mail;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>A failed send is reported, never marked sent, and sent by the next run.</summary>
[Collection(MailDevCollection.Name)]
public sealed class FailedSendTests(MailDevFixture maildev) : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task SmtpServerUnreachable_IsReportedNotMarkedSentAndSentByTheRetry()
    {
        var (ceo, cto) = (MailAddresses.Unique("ceo"), MailAddresses.Unique("cto"));
        var unreachable = Options([ceo, cto]) with { Port = FreePorts.Take(1)[0], TimeoutSeconds = 10 };
        var reachable = unreachable with { Port = maildev.SmtpPort };

        var failed = await world.Sender(world.Smtp(unreachable), unreachable).SendAsync();
        var retried = await world.Sender(world.Smtp(reachable), reachable).SendAsync();

        Assert.False(failed.Succeeded);
        Assert.Equal([ceo, cto], failed.Failed.Select(f => f.Recipient));
        Assert.All(failed.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Empty(failed.Sent);
        Assert.True(retried.Succeeded, retried.Describe());
        Assert.Equal([ceo, cto], retried.Sent);
        Assert.Single(await maildev.ListToAsync(ceo));
        Assert.Single(await maildev.ListToAsync(cto));
    }

    [Fact]
    public async Task OneRecipientFailing_DoesNotStopTheOthersAndOnlyItIsRetried()
    {
        var (ceo, cto, cfo) = (MailAddresses.Unique("ceo"), MailAddresses.Unique("cto"), MailAddresses.Unique("cfo"));
        var options = Options([ceo, cto, cfo]);
        var smtp = world.Smtp(options);

        var first = await world.Sender(new RejectingMailer(smtp, cto), options).SendAsync();
        var retry = await world.Sender(smtp, options).SendAsync();

        Assert.Equal([ceo, cfo], first.Sent);
        Assert.Equal(cto, Assert.Single(first.Failed).Recipient);
        Assert.Equal([cto], retry.Sent);
        Assert.Equal([ceo, cfo], retry.Skipped);
        foreach (var address in new[] { ceo, cto, cfo })
        {
            Assert.Single(await maildev.ListToAsync(address));
        }
    }

    public void Dispose() => world.Dispose();

    private MailOptions Options(string[] leadership) => new()
    {
        Host = "127.0.0.1",
        Port = maildev.SmtpPort,
        Security = MailSecurity.None,
        Leadership = leadership,
    };

    /// <summary>The real SMTP mailer, except that the provider refuses one address (as a bounce at RCPT TO would).</summary>
    private sealed class RejectingMailer(IMailer inner, string rejected) : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
            string.Equals(mail.To, rejected, StringComparison.OrdinalIgnoreCase)
                ? throw new IOException($"550 mailbox unavailable: {rejected}")
                : inner.SendAsync(mail, cancellationToken);
    }
}
