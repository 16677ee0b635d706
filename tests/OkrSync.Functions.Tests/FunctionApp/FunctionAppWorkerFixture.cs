using Microsoft.Extensions.Configuration;
using OkrSync.Core.Ports;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Storage;
using OkrSync.WorkerHost.Testing;

namespace OkrSync.Functions.Tests.FunctionApp;

/// <summary>
/// The real function app (functions/OkrSync.Functions), started once behind the host emulator as the Functions host
/// starts a dotnet-isolated worker, with its SQLite store and strategy in a temporary folder and no tracker configured.
/// </summary>
public sealed class FunctionAppWorkerFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("okrsync-worker-").FullName;
    private FunctionsHostEmulator? host;

    public FunctionsHostEmulator Host => host ?? throw new InvalidOperationException("The function app has not started.");

    public string StorePath => Path.Combine(folder, "okrsync.db");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), AppStrategy.Yaml);
        host = await FunctionsHostEmulator.StartAsync(new FunctionsHostEmulatorOptions
        {
            AppDirectory = FunctionAppBuild.Directory,
            AppSettings = new Dictionary<string, string>
            {
                ["OkrSync__Store"] = $"sqlite:{StorePath}",
                ["OkrSync__StrategyPath"] = Path.Combine(folder, "strategy.yaml"),
                ["OkrSync__GitHub__WebhookSecret"] = AppHarness.GitHubSecret,
                ["OkrSync__Jira__WebhookSecret"] = AppHarness.JiraSecret,
            },
        });
    }

    /// <summary>The app's store, opened by the test beside the worker.</summary>
    public IWorkStore OpenStore() =>
        StoreFactory.Create($"sqlite:{StorePath}", new ConfigurationBuilder().Build());

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionAppWorkerCollection : ICollectionFixture<FunctionAppWorkerFixture>
{
    public const string Name = "The function app's isolated worker";
}
