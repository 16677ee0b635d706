using System.Diagnostics;
using Xunit;

namespace OkrSync.Testing.Emulators;

/// <summary>
/// A private Azurite (blob, queue, table) for one test assembly: installed from <c>infra/</c> on first use, started
/// in memory on free loopback ports with <c>--skipApiVersionCheck</c>, ready once all three ports accept
/// connections, and killed (with its process tree) on dispose. Use it as an xunit collection fixture; each test
/// should isolate itself by names (table prefix, queue name), since the emulator is shared.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;
    private BackgroundProcess? process;
    private string lastOutput = "";
    private string? workspace;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>The running emulator's process id (a node process), for measurements such as its memory; null when stopped.</summary>
    public int? ProcessId => process?.Id;

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public async Task InitializeAsync()
    {
        var azurite = await NodeTools.EnsureAsync(Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"));
        workspace = Directory.CreateTempSubdirectory("okrsync-azurite-").FullName;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = FreePorts.Take(3);
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            process = Start(azurite);
            if (await FreePorts.WaitUntilListeningAsync(ports, () => !process.HasExited, TimeSpan.FromSeconds(60)))
            {
                return;
            }

            // Most likely a port was taken between choosing and binding it: try other ports.
            await StopAsync();
        }

        throw new InvalidOperationException("Azurite did not start:\n" + lastOutput);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (workspace is not null && Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private BackgroundProcess Start(string azurite)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
        };
        string[] arguments =
        [
            azurite, "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
        ];
        foreach (var argument in arguments)
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
