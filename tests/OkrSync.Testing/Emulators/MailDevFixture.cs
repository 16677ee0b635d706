using System.Diagnostics;
using System.Text.Json.Serialization;
using Xunit;

namespace OkrSync.Testing.Emulators;

/// <summary>
/// A private maildev (a real SMTP server that keeps what it receives) for one test assembly: installed from
/// <c>infra/</c> on first use, started on free loopback ports (<c>--smtp</c>, <c>--web</c>), read back through its
/// REST API (<c>GET /api/email</c>, <c>GET /api/email/{id}/download</c> for the raw message). maildev answers the
/// SMTP DATA command only after it stored the message, so a message is readable as soon as the send returned.
/// Tests share the server: each should use its own recipient addresses.
/// </summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private const int StartAttempts = 3;
    private BackgroundProcess? process;
    private string lastOutput = "";
    private string? workspace;
    private HttpClient? http;

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public Uri ApiBase => new($"http://127.0.0.1:{WebPort}/api/");

    public async Task InitializeAsync()
    {
        var maildev = await NodeTools.EnsureAsync(Path.Combine("node_modules", "maildev", "dist", "bin", "maildev.js"));
        workspace = Directory.CreateTempSubdirectory("okrsync-maildev-").FullName;
        http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = FreePorts.Take(2);
            (SmtpPort, WebPort) = (ports[0], ports[1]);
            http.Dispose();
            http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
            process = Start(maildev);
            if (await FreePorts.WaitUntilListeningAsync(ports, () => !process.HasExited, TimeSpan.FromSeconds(60)))
            {
                return;
            }

            await StopAsync();
        }

        throw new InvalidOperationException("maildev did not start:\n" + lastOutput);
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(CancellationToken cancellationToken = default) =>
        await Client.GetFromJsonAsync<List<ReceivedMail>>("email", cancellationToken) ?? [];

    /// <summary>The messages whose envelope went to <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ListToAsync(string address, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken)).Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The message exactly as received (RFC 5322 bytes), to parse with a MIME library.</summary>
    public Task<byte[]> DownloadAsync(string id, CancellationToken cancellationToken = default) =>
        Client.GetByteArrayAsync($"email/{Uri.EscapeDataString(id)}/download", cancellationToken);

    public async Task DisposeAsync()
    {
        await StopAsync();
        http?.Dispose();
        if (workspace is not null && Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private HttpClient Client => http ?? throw new InvalidOperationException("maildev is not started.");

    private BackgroundProcess Start(string maildev)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
        };
        foreach (var argument in new[] { maildev, "--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1" })
        {
            start.ArgumentList.Add(argument);
        }

        return new BackgroundProcess(start);
    }

    private async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        lastOutput = process.Output;
        await process.DisposeAsync();
        process = null;
    }
}

/// <summary>A message as maildev lists it: its id, subject, and envelope.</summary>
public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("envelope")] ReceivedEnvelope? Envelope)
{
    public IReadOnlyList<string> Recipients => Envelope?.To?.Select(t => t.Address).ToList() ?? [];
}

public sealed record ReceivedEnvelope([property: JsonPropertyName("to")] IReadOnlyList<ReceivedAddress>? To);

public sealed record ReceivedAddress([property: JsonPropertyName("address")] string Address);
