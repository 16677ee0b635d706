using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Emulators;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>
/// The timer invocation the Functions host posts to the real app (handler mode): a failed send answers non-2xx so the
/// host retries, and the retry sends only what was not sent.
/// </summary>
[Collection(MailDevCollection.Name)]
public sealed class WeeklyOrphanReportFunctionTests(MailDevFixture maildev) : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task FailedSend_AnswersNon2xxSoTheHostRetries_AndTheRetrySendsIt()
    {
        var lead = MailAddresses.Unique("lead");

        var failed = await InvokeAsync(lead, FreePorts.Take(1)[0]);
        var retried = await InvokeAsync(lead, maildev.SmtpPort);

        Assert.False(failed.Status is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous, $"status {failed.Status}");
        Assert.Contains("1 failed", failed.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Contains("1 sent", retried.Body, StringComparison.Ordinal);
        Assert.Single(await maildev.ListToAsync(lead));
    }

    public void Dispose() => world.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> InvokeAsync(string lead, int smtpPort)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OkrSync:Store"] = $"sqlite:{world.StorePath}",
            ["OkrSync:Mail:Host"] = "127.0.0.1",
            ["OkrSync:Mail:Port"] = $"{smtpPort}",
            ["OkrSync:Mail:Security"] = "None",
            ["OkrSync:Mail:TimeoutSeconds"] = "10",
            ["OkrSync:Mail:Leadership:0"] = lead,
        };
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings, services => services.AddSingleton<TimeProvider>(world.Clock));

        using var response = await app.Client.PostAsync(new Uri("/WeeklyOrphanReport", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("WeeklyOrphanReport")));

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
