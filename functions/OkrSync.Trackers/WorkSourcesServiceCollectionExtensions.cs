using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.StrategySources;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Http;
using OkrSync.Trackers.Jira;

namespace OkrSync.Trackers;

public static class WorkSourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the tracker sources, bound from <c>OkrSync:GitHub</c> and <c>OkrSync:Jira</c> (appsettings, environment,
    /// local.settings.json): the GitHub and Jira HTTP pipelines (retry, rate limits, integrity, metering),
    /// <see cref="SourceFactory"/>, <see cref="SyncEngine"/>, the pipeline's <see cref="ITrackerSync"/> and <see cref="IWorkItemFetcher"/> (which need an <c>IItemStore</c> and an <c>ICursorStore</c> registered elsewhere).
    /// A registered TimeProvider is used for token expiry and every retry wait. Also binds <c>OkrSync:Reconcile</c>
    /// (<see cref="ReconcileOptions"/>) for the engine. A request timeout that is not positive, or a removal share
    /// outside 0..1, fails the first use (and the app's start) naming the setting.
    /// </summary>
    public static IServiceCollection AddWorkSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration); // what BindConfiguration binds from
        // Lists are read one way everywhere (the sync, the webhooks, health): `a,b` or `__0`/`__1` (Settings.List).
        services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.Section)
            .PostConfigure<IConfiguration>((o, c) => Replace(o.Repositories, c.List(GitHubOptions.RepositoriesSetting)))
            .Validate(o => o.Repositories.All(r => TrackerKeys.IsGitHubKey(r + "#1")), $"{GitHubOptions.RepositoriesSetting} must list owner/repo names")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{GitHubOptions.Section}:RequestTimeout must be a positive time span, e.g. 00:00:30")
            .ValidateOnStart();
        services.AddOptions<JiraOptions>().BindConfiguration(JiraOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                Replace(o.Projects, [.. c.List(JiraOptions.ProjectsSetting).Select(p => p.ToUpperInvariant())]);
                o.StoryPointsField = string.IsNullOrWhiteSpace(o.StoryPointsField) ? null : o.StoryPointsField.Trim();
            })
            .Validate(o => o.Projects.All(p => TrackerKeys.IsJiraKey(p + "-1")), $"{JiraOptions.ProjectsSetting} must list Jira project keys (e.g. ONB)")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{JiraOptions.Section}:RequestTimeout must be a positive time span, e.g. 00:00:30")
            .ValidateOnStart();
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.Section)
            .Validate(o => o.IsValid, $"{ReconcileOptions.Section}:MaxRemovalShare must be a share from 0 to 1, e.g. 0.2 for 20%")
            .ValidateOnStart();
        services.AddHttpClient(GitHubConnections.HttpClientName)
            .AddTrackerPipeline(TrackerRetryPolicy.GitHub, sp => sp.GetRequiredService<IOptions<GitHubOptions>>().Value.RequestTimeout);
        services.AddHttpClient<JiraClient>(ConfigureJira)
            .AddTrackerPipeline(TrackerRetryPolicy.Jira, sp => sp.GetRequiredService<IOptions<JiraOptions>>().Value.RequestTimeout);
        services.AddTransient(sp => sp.GetRequiredService<IOptions<JiraOptions>>().Value);
        services.AddSingleton(sp => new GitHubConnections(
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value, sp.GetRequiredService<IHttpMessageHandlerFactory>()));
        services.AddSingleton(sp => new GitHubAppTokenProvider(
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value, sp.GetRequiredService<GitHubConnections>(), sp.GetRequiredService<TimeProvider>()));
        // The factories the registry entries build sources with: composition here, constructor injection everywhere else.
        services.AddSingleton(sp => new Lazy<GitHubAppTokenProvider>(sp.GetRequiredService<GitHubAppTokenProvider>));
        services.AddSingleton<Func<JiraClient>>(sp => sp.GetRequiredService<JiraClient>);
        services.AddSingleton<TrackerServices>();
        // OkrSync:StrategySource = github:OWNER/REPO/PATH@REF is read through the same GitHub connection and auth.
        services.AddSingleton<IStrategySourceReader>(sp => new GitHubStrategyReader(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<GitHubOptions>>().Value, sp.GetRequiredService<Lazy<GitHubAppTokenProvider>>()));
        services.AddSingleton<SourceFactory>();
        services.AddTrackerClock(); // OkrSync:Trackers:MaxClockSkew; a bad value stops the start, naming the setting
        services.AddTransient(sp => new SyncEngine(sp.GetRequiredService<IItemStore>(), sp.GetRequiredService<ICursorStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SyncEngine>>(), sp.GetRequiredService<IOptions<ReconcileOptions>>())
        {
            Clock = sp.GetRequiredService<TrackerClock>(),
        });
        services.AddTransient<ITrackerSync, ConfiguredTrackerSync>();
        services.AddSingleton<IWorkItemFetcher, TrackerItemFetcher>();
        return services;
    }

    private static void Replace(IList<string> list, IReadOnlyList<string> items)
    {
        list.Clear();
        foreach (var item in items)
        {
            list.Add(item);
        }
    }

    private static void ConfigureJira(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<JiraOptions>>().Value;
        if (options.BaseUrl is { } baseUrl)
        {
            http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        }
        // Each attempt has its own timeout (ConnectionFailureHandler); an overall one would cut a rate-limit wait short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Authorization = options.Deployment == JiraDeployment.Cloud
            ? options.Email is { } email && options.ApiToken is { } token
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")))
                : null
            : options.PersonalAccessToken is { } pat ? new AuthenticationHeaderValue("Bearer", pat) : null;
    }
}
