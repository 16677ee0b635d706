using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Storage;
using OkrSync.WorkerHost.Testing;
using Status = OkrSync.WorkerHost.Testing.Rpc.StatusResult.Types.Status;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>The deployable zip: the isolated-worker layout, and the packaged worker started the way the Functions host starts it.</summary>
public sealed class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void Package_HasTheIsolatedWorkerLayout()
    {
        var root = package.AppRoot;

        Assert.All(["host.json", "functions.metadata", "worker.config.json", "OkrSync.Functions.dll", "strategy.yaml"], file => Assert.True(File.Exists(Path.Combine(root, file)), file));
        Assert.True(File.Exists(Path.Combine(root, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")));
        Assert.Contains(".azurefunctions/", package.ZipInfo, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "local.settings.json")));
        Assert.False(File.Exists(Path.Combine(root, "okrsync")), "the okrsync tool is not part of the function app");
    }

    [Fact]
    public void WorkerConfig_StartsTheWorkerWithDotnetAndIndexesItsFunctions()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");

        Assert.Equal(("dotnet-isolated", "dotnet", "OkrSync.Functions.dll", "true"), (
            description.GetProperty("language").GetString(),
            description.GetProperty("defaultExecutablePath").GetString(),
            description.GetProperty("defaultWorkerPath").GetString(),
            description.GetProperty("workerIndexing").GetString()));
    }

    [Fact]
    public async Task PackagedWorker_StartedAsTheHostDoes_RunsTheTimerAndTheQueueFunction()
    {
        var store = Path.Combine(package.Folder, "okrsync.db");
        await using var host = await FunctionsHostEmulator.StartAsync(new FunctionsHostEmulatorOptions
        {
            AppDirectory = package.AppRoot,
            AppSettings = new Dictionary<string, string>
            {
                ["OkrSync__Store"] = $"sqlite:{store}",
                ["OkrSync__GitHub__WebhookSecret"] = AppHarness.GitHubSecret,
            },
        });

        var timer = await host.InvokeTimerAsync("ScheduledSync");
        var queue = await host.InvokeQueueAsync("ApplyTrackerEvent", HostPayloads.GitHubUpsert(12, TrackerJson.Label("onboarding")));

        Assert.True(timer.Result.Status == Status.Success, timer.Result.Exception?.Message);
        Assert.True(queue.Result.Status == Status.Success, queue.Result.Exception?.Message);
        Assert.NotNull(await StoreFactory.Create($"sqlite:{store}", new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).GetItemAsync("acme/web#12"));
    }
}
