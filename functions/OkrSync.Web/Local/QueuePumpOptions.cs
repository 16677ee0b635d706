using System.Globalization;

namespace OkrSync.Web.Local;

/// <summary>
/// <c>okrsync serve</c>'s queue pump, configured like host.json's <c>extensions.queues</c>
/// (section <c>OkrSync:Queue</c>): messages per batch, how long a received message stays hidden, the delay before
/// a failed message is retried, tries before the poison queue, and the longest idle poll interval.
/// </summary>
internal sealed class QueuePumpOptions
{
    public int BatchSize { get; set; } = 16;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    public const string Section = "OkrSync:Queue";

    /// <summary>What is wrong with the bound values, naming the setting; null when nothing is.</summary>
    public string? Problem() =>
        BatchSize is < 1 or > 32 ? string.Create(CultureInfo.InvariantCulture, $"{Section}:BatchSize is {BatchSize}: give 1 to 32 (the Storage queue's limit)")
        : MaxDequeueCount < 1 ? string.Create(CultureInfo.InvariantCulture, $"{Section}:MaxDequeueCount is {MaxDequeueCount}: give 1 or more")
        : VisibilityTimeout <= TimeSpan.Zero ? $"{Section}:VisibilityTimeout must be a positive time span, e.g. 00:05:00"
        : RetryDelay < TimeSpan.Zero ? $"{Section}:RetryDelay must be a time span of 0 or more, e.g. 00:00:02"
        : MaxPollingInterval < TimeSpan.Zero ? $"{Section}:MaxPollingInterval must be a time span of 0 or more, e.g. 00:00:02"
        : null;
}
