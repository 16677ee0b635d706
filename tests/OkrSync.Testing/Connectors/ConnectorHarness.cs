using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Trackers;

namespace OkrSync.Testing.Connectors;

/// <summary>
/// The production registration (<see cref="WorkSourcesServiceCollectionExtensions.AddWorkSources"/>) pointed at fake
/// trackers through ordinary configuration keys, with a chosen clock. Build sources per run with <see cref="Sources"/>.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private ConnectorHarness(ServiceProvider provider) => this.provider = provider;

    public SourceFactory Sources => provider.GetRequiredService<SourceFactory>();

    public IServiceProvider Services => provider;

    public static ConnectorHarness Create(TimeProvider time, FakeGitHubServer? github = null, FakeJiraServer? jira = null, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (github is not null)
        {
            settings["OkrSync:GitHub:BaseUrl"] = github.BaseUri.AbsoluteUri;
            settings["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken;
        }
        if (jira is not null)
        {
            var cloud = jira.Options.Deployment == FakeTrackers.Jira.JiraDeployment.Cloud;
            settings["OkrSync:Jira:BaseUrl"] = jira.BaseUri.AbsoluteUri;
            settings["OkrSync:Jira:Deployment"] = cloud ? "Cloud" : "DataCenter";
            settings["OkrSync:Jira:Email"] = jira.Options.Email;
            settings["OkrSync:Jira:ApiToken"] = jira.Options.ApiToken;
            settings["OkrSync:Jira:PersonalAccessToken"] = jira.Options.PersonalAccessToken;
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddWorkSources(configuration);
        return new ConnectorHarness(services.BuildServiceProvider());
    }

    public SyncEngine Engine(IWorkStore store) =>
        new(store, store, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SyncEngine>>(), provider.GetRequiredService<IOptions<ReconcileOptions>>());

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
