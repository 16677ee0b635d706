using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrSync.Core.Ports;

namespace OkrSync.Storage;

public static class WorkStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured <see cref="IWorkStore"/> as a singleton (disposed with the container), and the same
    /// instance under each of its roles.
    /// </summary>
    public static IServiceCollection AddWorkStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(provider => StoreFactory.Create(configuration, provider.GetService<ILoggerFactory>()));
        return services.AddWorkStoreRoles();
    }

    /// <summary>
    /// Registers the roles of the registered <see cref="IWorkStore"/>: <see cref="IItemStore"/>, <see cref="IReportStore"/>,
    /// <see cref="ICursorStore"/>, <see cref="IEventLog"/>, <see cref="ISendLedger"/> and <see cref="ICheckInLog"/>, each the one store instance.
    /// </summary>
    public static IServiceCollection AddWorkStoreRoles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IItemStore>(sp => sp.GetRequiredService<IWorkStore>());
        services.TryAddSingleton<IReportStore>(sp => sp.GetRequiredService<IWorkStore>());
        services.TryAddSingleton<ICursorStore>(sp => sp.GetRequiredService<IWorkStore>());
        services.TryAddSingleton<IEventLog>(sp => sp.GetRequiredService<IWorkStore>());
        services.TryAddSingleton<ISendLedger>(sp => sp.GetRequiredService<IWorkStore>());
        services.TryAddSingleton<ICheckInLog>(sp => sp.GetRequiredService<IWorkStore>());
        return services;
    }
}
