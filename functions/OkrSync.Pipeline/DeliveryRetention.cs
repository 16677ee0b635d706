using System.Globalization;
using Microsoft.Extensions.Options;
using OkrSync.Core.Ports;

namespace OkrSync.Pipeline;

/// <summary>
/// How long webhook delivery ids are kept to recognise redeliveries (<c>OkrSync:Webhooks:DeliveryRetentionDays</c>,
/// default 7: GitHub lets a delivery be redelivered for 3 days, Jira retries for hours, and a queue message lives 7
/// days). Removals (deleted and transferred issues) are kept as long. The nightly reconcile forgets older ones, so
/// both tables stay the size of a week of events.
/// </summary>
public sealed partial class DeliveryRetention(IEventLog events, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<DeliveryRetention> logger)
{
    public const string Setting = "OkrSync:Webhooks:DeliveryRetentionDays";
    public const int DefaultDays = 7;

    /// <summary>The bound retention (<see cref="WebhookOptions"/>; checked at start, 1 to 3650 days).</summary>
    public TimeSpan Retention { get; } = TimeSpan.FromDays(options.Value.Webhooks.DeliveryRetentionDays);

    /// <summary>Forgets the delivery ids older than the retention; returns the log line.</summary>
    public async Task<string> PruneAsync(CancellationToken cancellationToken = default)
    {
        var retention = Retention;
        var before = clock.GetUtcNow() - retention;
        var deliveries = await events.PruneDeliveriesAsync(before, cancellationToken);
        var removals = await events.PruneRemovalsAsync(before, cancellationToken);
        LogPruned(logger, deliveries, removals, retention.TotalDays);
        return string.Create(CultureInfo.InvariantCulture, $"webhook deliveries: forgot {deliveries} delivery id(s) and {removals} removal(s) older than {retention.TotalDays:0} days");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Deliveries} webhook delivery id(s) and {Removals} removal(s) older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int deliveries, int removals, double days);
}
