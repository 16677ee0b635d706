namespace OkrSync.Web.Local;

/// <summary>
/// <c>okrsync serve</c>'s queue pump, configured like host.json's <c>extensions.queues</c>
/// (section <c>OkrSync:Queue</c>): messages per batch, how long a received message stays hidden, the delay before
/// a failed message is retried, tries before the poison queue, and the longest idle poll interval.
/// </summary>
internal sealed record QueuePumpOptions
{
    public int BatchSize { get; init; } = 16;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    public static QueuePumpOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("OkrSync:Queue");
        var defaults = new QueuePumpOptions();
        return new QueuePumpOptions
        {
            BatchSize = Math.Clamp(section.GetValue("BatchSize", defaults.BatchSize), 1, 32),
            VisibilityTimeout = section.GetValue("VisibilityTimeout", defaults.VisibilityTimeout),
            RetryDelay = section.GetValue("RetryDelay", defaults.RetryDelay),
            MaxDequeueCount = Math.Max(1, section.GetValue("MaxDequeueCount", defaults.MaxDequeueCount)),
            MaxPollingInterval = section.GetValue("MaxPollingInterval", defaults.MaxPollingInterval),
        };
    }
}
