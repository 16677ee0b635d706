using OkrSync.Mail;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>Exactly once per ISO week and recipient, with the real SQLite store and a real SMTP server.</summary>
[Collection(MailDevCollection.Name)]
public sealed class ExactlyOnceTests(MailDevFixture maildev) : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task TwoSendersAtOnce_DeliverOneMessagePerRecipient()
    {
        var leaders = Enumerable.Range(1, 4).Select(n => MailAddresses.Unique($"lead{n}")).ToArray();
        var options = Options(leaders);
        var first = world.Sender(world.Smtp(options), options, world.OpenStore());
        var second = world.Sender(world.Smtp(options), options, world.OpenStore());

        var results = await Task.WhenAll(Task.Run(() => first.SendAsync()), Task.Run(() => second.SendAsync()));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Describe()));
        Assert.Equal(leaders.Order(), results.SelectMany(r => r.Sent).Order());
        foreach (var leader in leaders)
        {
            Assert.Single(await maildev.ListToAsync(leader));
        }
    }

    [Fact]
    public async Task TimerFiringTwiceInOneWeek_SendsNothingTheSecondTime()
    {
        var lead = MailAddresses.Unique("lead");
        var options = Options([lead]);
        await world.Sender(world.Smtp(options), options).SendAsync();
        world.Clock.Advance(TimeSpan.FromHours(30));

        var again = await world.Sender(world.Smtp(options), options).SendAsync();

        Assert.Empty(again.Sent);
        Assert.Equal([lead], again.Skipped);
        Assert.Single(await maildev.ListToAsync(lead));
    }

    [Fact]
    public async Task NextIsoWeek_SendsAgain()
    {
        var lead = MailAddresses.Unique("lead");
        var options = Options([lead]);
        await world.Sender(world.Smtp(options), options).SendAsync();
        world.Clock.Advance(TimeSpan.FromDays(7));

        var nextWeek = await world.Sender(world.Smtp(options), options).SendAsync();

        Assert.Equal("2026-W49", nextWeek.IsoWeek);
        Assert.Equal([lead], nextWeek.Sent);
        Assert.Equal(2, (await maildev.ListToAsync(lead)).Count);
    }

    public void Dispose() => world.Dispose();

    private MailOptions Options(string[] leadership) => new()
    {
        Host = "127.0.0.1",
        Port = maildev.SmtpPort,
        Security = MailSecurity.None,
        Leadership = leadership,
    };
}
