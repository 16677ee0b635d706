using Azure.Identity;
using Azure.Storage.Queues;
using OkrSync.Core.Ports;
using OkrSync.Functions.Hosting;

namespace OkrSync.Functions.Queues;

/// <summary>
/// Chooses the <see cref="IEventQueue"/> from configuration (CONFIG.md): Azure Storage Queues when
/// <c>OkrSync:Storage:ConnectionString</c> or <c>OkrSync:Storage:AccountName</c> is set (or the store is
/// <c>tables:CONNECTION-STRING</c>), else the embedded SQLite queue next to the SQLite store's file.
/// </summary>
internal static class EventQueueFactory
{
    public const string DefaultStore = "sqlite:./.okrsync/okrsync.db";

    public static IServiceCollection AddEventQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => Create(configuration, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    public static IEventQueue Create(IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var store = configuration.Setting("OkrSync:Store") ?? DefaultStore;
        var connectionString = configuration.Setting("OkrSync:Storage:ConnectionString")
            ?? (store.StartsWith("tables:", StringComparison.OrdinalIgnoreCase) ? store["tables:".Length..] : null);
        if (connectionString is not null)
        {
            return new AzureEventQueue(
                new QueueClient(connectionString, EventQueueNames.TrackerEvents, AzureEventQueue.ClientOptions()),
                new QueueClient(connectionString, EventQueueNames.TrackerEventsPoison, AzureEventQueue.ClientOptions()));
        }
        if (configuration.Setting("OkrSync:Storage:AccountName") is { } account)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration.Setting("OkrSync:Storage:ClientId") });
            QueueClient Client(string name) => new(new Uri($"https://{account}.queue.core.windows.net/{name}"), credential, AzureEventQueue.ClientOptions());
            return new AzureEventQueue(Client(EventQueueNames.TrackerEvents), Client(EventQueueNames.TrackerEventsPoison));
        }
        return new SqliteEventQueue(QueuePathFor(store), clock);
    }

    /// <summary>The embedded queue's file: <c>okrsync-queue.db</c> beside the SQLite store's file.</summary>
    public static string QueuePathFor(string store)
    {
        var path = store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? store["sqlite:".Length..] : DefaultStore["sqlite:".Length..];
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-queue.db");
    }
}
