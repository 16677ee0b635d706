using Microsoft.Extensions.Options;
using OkrSync.Mail;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Storage;
using OkrSync.Storage.Queues;
using OkrSync.Trackers;
using OkrSync.Trackers.Metrics;
using OkrSync.Web.Api;
using OkrSync.Web.Functions;
using OkrSync.Web.Invocations;
using OkrSync.Web.Local;
using OkrSync.Web.Pages;
using OkrSync.Web.Webhooks;

namespace OkrSync.Web.Hosting;

/// <summary>
/// The app's services. <see cref="AddOkrSync"/>: what the function app and <c>okrsync serve</c> share (store, queue,
/// sources, the live report, webhooks, the weekly job). <see cref="AddOkrSyncApp"/>: <c>serve</c>'s web host, which adds
/// the invocation handlers behind its admin endpoints and, in <see cref="AppMode.Serve"/>, its own timers and queue pump.
/// </summary>
public static class AppServices
{
    /// <summary>The services the function app and <c>serve</c> share; bad settings stop the start, naming the setting.</summary>
    public static IServiceCollection AddOkrSync(this IServiceCollection services, IConfiguration configuration, AppFolder folder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        // A Key Vault reference App Service could not resolve stays in the setting as "@Microsoft.KeyVault(...)": it is
        // remembered (the webhooks say which secret did not resolve) and blanked, so no option binds it as a value.
        var unresolved = Settings.UnresolvedKeyVaultReferences(configuration);
        services.AddSingleton(new UnresolvedSettings(unresolved));
        if (unresolved.Count > 0 && configuration is IConfigurationBuilder builder)
        {
            builder.AddInMemoryCollection(unresolved.Select(key => KeyValuePair.Create(key, (string?)"")));
        }
        services.AddSingleton(folder);
        services.AddPipelineOptions(); // the same alignment options as the CLI's stored reports
        services.AddWorkStore(configuration);
        services.AddEventQueue(configuration);
        services.AddWorkSources(configuration);
        services.AddMetricSources(configuration);
        services.AddOkrSyncMail(configuration);
        services.AddSingleton<MailWeeklyReportJob>();
        services.AddSingleton<StrategyProvider>();
        services.AddSingleton(Pipeline.History.HistoryBackfill.SettingsFrom(configuration)); // a bad value stops the start, naming the setting
        services.AddLiveReport(); // OkrSync:Report:MinWriteIntervalMs, checked at start
        services.AddSingleton<RollupResponses>();
        services.AddDashboard();
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<StrategyPushHandler>();
        services.AddSingleton<WebhookTrust>();
        services.AddSingleton<TrackerEventApplier>();
        services.AddSingleton<SyncAndRecompute>();
        services.AddSingleton<DeliveryRetention>();
        return services;
    }

    internal static IServiceCollection AddOkrSyncApp(this IServiceCollection services, IConfiguration configuration, AppMode mode, AppFolder folder)
    {
        services.AddOkrSync(configuration, folder);
        services.AddSingleton<IFunctionHandler, ScheduledSyncFunction>();
        services.AddSingleton<IFunctionHandler, NightlyReconcileFunction>();
        services.AddSingleton<IFunctionHandler, WeeklyOrphanReportHandler>();
        services.AddSingleton<IFunctionHandler, ApplyTrackerEventFunction>();
        services.AddSingleton<InvocationDispatcher>();
        if (mode == AppMode.Serve)
        {
            services.AddOptions<QueuePumpOptions>().BindConfiguration(QueuePumpOptions.Section).Check(o => o.Problem()).ValidateOnStart();
            services.AddSingleton(provider => provider.GetRequiredService<IOptions<QueuePumpOptions>>().Value);
            services.AddHostedService<QueuePump>();
            services.AddHostedService(provider => new TimerScheduler(
                TimerSchedules.All(configuration),
                provider.GetRequiredService<InvocationDispatcher>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<TimerScheduler>>()));
        }
        return services;
    }
}
