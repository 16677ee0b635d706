using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrSync.Core.Ports;

namespace OkrSync.Storage;

public static class WorkStoreServiceCollectionExtensions
{
    /// <summary>Registers the configured <see cref="IWorkStore"/> as a singleton (disposed with the container).</summary>
    public static IServiceCollection AddWorkStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(provider => StoreFactory.Create(configuration, provider.GetService<ILoggerFactory>()));
        return services;
    }
}
