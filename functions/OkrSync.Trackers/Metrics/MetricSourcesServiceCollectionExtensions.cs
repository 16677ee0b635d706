using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Metrics;

namespace OkrSync.Trackers.Metrics;

public static class MetricSourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMetricSourceReader"/> (options from <c>OkrSync:Metrics</c>; a timeout that is not positive
    /// stops the start, naming the setting) and <see cref="MetricSourcePuller"/>.
    /// </summary>
    public static IServiceCollection AddMetricSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetricSourceOptions>().Bind(configuration.GetSection(MetricSourceOptions.Section))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{MetricSourceOptions.Section}:RequestTimeout must be a positive time span, e.g. 00:00:30")
            .Validate(o => o.MaxBytes > 0, $"{MetricSourceOptions.Section}:MaxBytes must be positive")
            .ValidateOnStart();
        services.AddTransient(sp => sp.GetRequiredService<IOptions<MetricSourceOptions>>().Value);
        services.AddHttpClient<IMetricSourceReader, MetricSourceReader>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<MetricSourcePuller>();
        return services;
    }
}
