using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Ports;
using OkrSync.Functions.Mail;
using OkrSync.Functions.WeeklyOrphanReport;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Mail;

/// <summary>The custom handler endpoint the Functions host calls on the timer: 500 on a failed send (the host retries), 200 after.</summary>
[Collection(MailDevCollection.Name)]
public sealed class WeeklyOrphanReportFunctionTests(MailDevFixture maildev) : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task FailedSend_Returns500SoTheHostRetries_AndTheRetrySendsIt()
    {
        var lead = MailAddresses.Unique("lead");

        var failed = await InvokeAsync(lead, FreePorts.Take(1)[0]);
        var retried = await InvokeAsync(lead, maildev.SmtpPort);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Contains("1 failed", failed.Logs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Contains("1 sent", retried.Logs, StringComparison.Ordinal);
        Assert.Single(await maildev.ListToAsync(lead));
    }

    public void Dispose() => world.Dispose();

    private async Task<(HttpStatusCode Status, string Logs)> InvokeAsync(string lead, int smtpPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddSingleton<IWorkStore>(_ => world.OpenStore());
        builder.Services.AddOkrSyncMail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OkrSync:Mail:Host"] = "127.0.0.1",
            ["OkrSync:Mail:Port"] = $"{smtpPort}",
            ["OkrSync:Mail:Security"] = "None",
            ["OkrSync:Mail:TimeoutSeconds"] = "10",
            ["OkrSync:Mail:Leadership:0"] = lead,
        }).Build());
        await using var app = builder.Build();
        app.MapWeeklyOrphanReport();
        await app.StartAsync();
        using var client = app.GetTestClient();
        var payload = new { Data = new { timer = new { IsPastDue = false } }, Metadata = new { } };

        using var response = await client.PostAsJsonAsync($"/{WeeklyOrphanReportFunction.Name}", payload);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var logs = string.Join('\n', body.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
        await app.StopAsync();
        return (response.StatusCode, logs);
    }
}
