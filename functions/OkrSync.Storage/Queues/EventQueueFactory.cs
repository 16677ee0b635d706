using Azure.Identity;
using Azure.Storage.Queues;
using OkrSync.Core.Ports;
using OkrSync.Storage.Tables;

namespace OkrSync.Storage.Queues;

/// <summary>
/// Chooses the <see cref="IEventQueue"/> the way the store is chosen (StoreSpec): with Table Storage, the queues of
/// the same account (connection string, or account name with DefaultAzureCredential); with the SQLite store, the
/// embedded queue in <c>okrsync-queue.db</c> beside the store's file.
/// </summary>
public static class EventQueueFactory
{
    public static IServiceCollection AddEventQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => Create(configuration, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    public static IEventQueue Create(IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var spec = StoreSpec.Parse(configuration[StoreFactory.StoreKey], TableStorageOptions.FromConfiguration(configuration));
        return spec switch
        {
            TablesSpec { Options.ConnectionString: { } connectionString } => new AzureEventQueue(
                new QueueClient(connectionString, EventQueueNames.TrackerEvents, AzureEventQueue.ClientOptions()),
                new QueueClient(connectionString, EventQueueNames.TrackerEventsPoison, AzureEventQueue.ClientOptions())),
            TablesSpec tables => WithIdentity(tables.Options),
            SqliteSpec sqlite => new SqliteEventQueue(QueuePathFor(sqlite.Options.FullPath), clock),
            _ => throw new ArgumentOutOfRangeException(nameof(configuration), spec, "Unknown store kind."),
        };
    }

    /// <summary>The embedded queue's file: <c>NAME-queue.db</c> beside the SQLite store's <c>NAME.db</c>.</summary>
    public static string QueuePathFor(string storePath) =>
        Path.Combine(Path.GetDirectoryName(storePath)!, Path.GetFileNameWithoutExtension(storePath) + "-queue.db");

    private static AzureEventQueue WithIdentity(TableStorageOptions storage)
    {
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ClientId });
        QueueClient Client(string name) => new(new Uri($"https://{storage.AccountName}.queue.core.windows.net/{name}"), credential, AzureEventQueue.ClientOptions());
        return new AzureEventQueue(Client(EventQueueNames.TrackerEvents), Client(EventQueueNames.TrackerEventsPoison));
    }
}
