using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OkrSync.Core.Ports;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App.Support;

/// <summary>
/// The real app (<see cref="AppHost"/>) on Kestrel on a free loopback port, in serve or handler mode, with its
/// SQLite store, embedded queue and strategy file in a temporary folder. Settings and services can be overridden.
/// </summary>
internal sealed class AppHarness : IAsyncDisposable
{
    public const string GitHubSecret = "test-github-secret";
    public const string JiraSecret = "test-jira-secret";

    /// <summary>The admin key every harness has, and its client sends: the invocation endpoints need it.</summary>
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication app;
    private readonly string folder;

    private AppHarness(WebApplication app, string folder, Uri address)
    {
        this.app = app;
        this.folder = folder;
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public IWorkStore Store => app.Services.GetRequiredService<IWorkStore>();

    public IEventQueue Queue => app.Services.GetRequiredService<IEventQueue>();

    public string Folder => folder;

    public static async Task<AppHarness> StartAsync(AppMode mode, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("okrsync-app-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), AppStrategy.Yaml);
        var values = new Dictionary<string, string?>
        {
            ["OkrSync:Store"] = $"sqlite:{Path.Combine(folder, "okrsync.db")}",
            ["OkrSync:StrategyPath"] = Path.Combine(folder, "strategy.yaml"),
            ["OkrSync:GitHub:WebhookSecret"] = GitHubSecret,
            ["OkrSync:Jira:WebhookSecret"] = JiraSecret,
            ["OkrSync:Jira:StoryPointsField"] = "customfield_10016",
            ["OkrSync:Queue:RetryDelay"] = "00:00:00",
            ["OkrSync:Queue:MaxPollingInterval"] = "00:00:00.200",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["OkrSync:Api:AdminKey"] = AdminKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var app = AppHost.Build(mode, [], configuration => configuration.AddInMemoryCollection(values), services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppHarness(app, folder, new Uri(address));
    }

    public async Task<T> GetJsonAsync<T>(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await GetJsonAsync<JsonElement>(path);

    /// <summary>Polls <paramref name="condition"/> a bounded number of times; the condition is what the test asserts on.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int attempts = 200)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
