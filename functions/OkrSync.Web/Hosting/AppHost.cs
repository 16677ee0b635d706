using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Storage;
using OkrSync.Storage.Queues;
using OkrSync.Storage.Sqlite;
using OkrSync.Web.Api;
using OkrSync.Web.Invocations;
using OkrSync.Web.Pages;
using OkrSync.Web.Webhooks;

namespace OkrSync.Web.Hosting;

/// <summary>
/// The web host of <c>okrsync serve</c> and <c>okrsync handler</c>: one minimal-API app with the invocation
/// endpoints (<c>POST /{FunctionName}</c>), the webhooks and the read API at their original paths under <c>/api</c>, and the
/// dashboard's pages under <c>/dashboard</c>.
/// </summary>
public static partial class AppHost
{
    public const string DefaultServeUrl = "http://127.0.0.1:7071";
    /// <summary>
    /// Builds the app. <paramref name="args"/> are the host arguments after the mode (e.g. <c>--urls URL</c>);
    /// <paramref name="configure"/> and <paramref name="services"/> add configuration and service overrides last (tests).
    /// </summary>
    public static WebApplication Build(AppMode mode, string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var root = Directory.GetCurrentDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        builder.Configuration.AddLocalSettings(root).AddEnvironmentVariables().AddCommandLine(args);
        configure?.Invoke(builder.Configuration);
        var unresolved = Settings.UnresolvedKeyVaultReferences(builder.Configuration);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        // ASP.NET Core's own request lines carry the query string, where a key may be (?code=): RequestLog writes one
        // line per request instead, with the path only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        // IHttpClientFactory logs four lines per tracker call at Information; the sync's own summary says what was fetched.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // A start-up failure (the port in use) is reported by RunAsync in one line; the host's own error log of it
        // repeats it with a stack trace. A failing background service is still logged, at Critical, with its exception.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        var urls = builder.Configuration["urls"] ?? DefaultServeUrl;
        ListenUrls.Validate(urls);
        var access = ServeAccess.From(builder.Configuration, urls);
        builder.WebHost.UseUrls(urls);
        builder.AddOkrSyncTelemetry();
        builder.Services.AddOkrSyncApp(builder.Configuration, mode, new AppFolder(root));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OkrSync.Hosting");
        foreach (var key in unresolved)
        {
            LogUnresolved(logger, key);
        }
        app.UseMiddleware<RequestLog>();
        var invocations = app.MapInvocations();
        app.MapGitHubWebhook();
        app.MapJiraWebhook();
        app.MapDashboard(access);
        var api = app.MapReadApi().StrategyErrors();
        api.RequireReadKey(access);
        invocations.RequireAdminKey(access);
        app.MapCheckIns().RequireAdminKey(access);
        if (mode == AppMode.Serve)
        {
            ServeStartupWarnings.Log(logger, app.Configuration, app.Services.GetRequiredService<StrategyProvider>(), app.Services.GetRequiredService<WebhookTrust>());
        }
        else
        {
            app.Services.GetRequiredService<WebhookTrust>().LogStartup();
        }
        app.MapFallback(() => ApiEndpoints.Error(StatusCodes.Status404NotFound, "no such route"));
        LogMode(logger, mode, root);
        return app;
    }

    /// <summary>Runs the app until it is stopped.</summary>
    /// <exception cref="AppHostException">It cannot start: a bad address, the port in use, an unusable store.</exception>
    public static async Task<int> RunAsync(AppMode mode, string[] args, CancellationToken cancellationToken = default)
    {
        await using var app = Build(mode, args);
        await CheckStoreAsync(app.Services, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new AppHostException($"cannot listen: {e.Message}", e);
        }
        catch (OptionsValidationException e)
        {
            throw new AppHostException($"bad configuration: {SettingChecks.Describe(e)}", e);
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or ArgumentException or NotSupportedException)
        {
            // The configuration binder's conversion errors name the setting: "...at 'OkrSync:Queue:RetryDelay'...".
            throw new AppHostException($"bad configuration: {e.Message}", e);
        }
        await ReadGitStrategyAsync(app.Services, app.Logger, cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    // A strategy from git is read once at start, so that a source that cannot be used is said at once (health keeps saying why).
    private static async Task ReadGitStrategyAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var strategy = services.GetRequiredService<StrategyProvider>();
        if (strategy.Git is null)
        {
            return;
        }
        try
        {
            var index = await strategy.GetAsync(cancellationToken);
            LogGitStrategy(logger, strategy.Path, index.Strategy.Commit ?? "");
        }
        catch (StrategyUnavailableException e)
        {
            LogGitStrategyUnavailable(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy from {Source} at commit {Commit}")]
    private static partial void LogGitStrategy(ILogger logger, string source, string commit);

    [LoggerMessage(Level = LogLevel.Error, Message = "No strategy yet: {Reason}. Nothing is aligned and /api/health is unhealthy until a read succeeds (at the next scheduled sync or push webhook)")]
    private static partial void LogGitStrategyUnavailable(ILogger logger, string reason);

    // The embedded store is opened lazily; an unusable file would only show at the first request or timer.
    private static async Task CheckStoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            if (services.GetRequiredService<IWorkStore>() is SqliteWorkStore store)
            {
                await store.EnsureReadyAsync(cancellationToken);
            }
            if (services.GetRequiredService<IEventQueue>() is SqliteEventQueue queue)
            {
                SqliteStoreFile.Inspect(queue.Path);
            }
        }
        catch (StoreFileException e)
        {
            throw new AppHostException($"cannot use the store: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting {Key} is an unresolved Key Vault reference (@Microsoft.KeyVault(...)): treated as not configured. Check the app's identity has Key Vault Secrets User and the secret exists.")]
    private static partial void LogUnresolved(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "okrsync {Mode}: app folder {Root}")]
    private static partial void LogMode(ILogger logger, AppMode mode, string root);
}

/// <summary>The web host cannot start as configured; the message says why.</summary>
public sealed class AppHostException : Exception
{
    public AppHostException(string message)
        : base(message)
    {
    }

    public AppHostException()
    {
    }

    public AppHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
