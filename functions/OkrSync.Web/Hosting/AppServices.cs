using OkrSync.Mail;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Storage;
using OkrSync.Storage.Queues;
using OkrSync.Web.Api;
using OkrSync.Web.Functions;
using OkrSync.Web.Invocations;
using OkrSync.Web.Local;
using OkrSync.Web.Webhooks;

namespace OkrSync.Web.Hosting;

/// <summary>The app's services: store, queue, sources, the live report, the functions, and (serve) the local triggers.</summary>
internal static class AppServices
{
    public static IServiceCollection AddOkrSyncApp(this IServiceCollection services, IConfiguration configuration, AppMode mode, AppFolder folder)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(folder);
        services.AddWorkStore(configuration);
        services.AddEventQueue(configuration);
        services.AddTrackerConnectors(configuration);
        services.AddOkrSyncMail(configuration);
        services.AddSingleton<IWeeklyReportJob, MailWeeklyReportJob>();
        services.AddSingleton<StrategyProvider>();
        services.AddSingleton<LiveReport>();
        services.AddSingleton<RollupResponses>();
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WebhookTrust>();
        services.AddSingleton<TrackerEventApplier>();
        services.AddSingleton<SyncAndRecompute>();
        DeliveryRetention.From(configuration); // a bad retention stops the start, naming the setting
        services.AddSingleton<DeliveryRetention>();
        services.AddSingleton<IFunctionHandler, ScheduledSyncFunction>();
        services.AddSingleton<IFunctionHandler, NightlyReconcileFunction>();
        services.AddSingleton<IFunctionHandler, WeeklyOrphanReportHandler>();
        services.AddSingleton<IFunctionHandler, ApplyTrackerEventFunction>();
        services.AddSingleton<InvocationDispatcher>();
        if (mode == AppMode.Serve)
        {
            services.AddSingleton(QueuePumpOptions.From(configuration));
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
