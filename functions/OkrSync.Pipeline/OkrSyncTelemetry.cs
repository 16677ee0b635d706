using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OkrSync.Pipeline;

/// <summary>
/// The app's traces and metrics (OpenTelemetry names). Exported only where an exporter is configured
/// (see <c>TelemetrySetup</c>); otherwise recording costs next to nothing.
/// </summary>
public static class OkrSyncTelemetry
{
    public const string Name = "OkrSync";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds one sync of one kind took (tag <c>okrsync.sync.kind</c>: incremental, reconcile).</summary>
    public static readonly Histogram<double> SyncDuration = Meter.CreateHistogram<double>("okrsync.sync.duration", "s", "Duration of a sync run.");

    /// <summary>Work items written by syncs and events (tag <c>okrsync.source</c>).</summary>
    public static readonly Counter<long> Items = Meter.CreateCounter<long>("okrsync.items.written", "{item}", "Work items written to the store.");

    /// <summary>Calls the app made to tracker APIs (tag <c>okrsync.source</c>).</summary>
    public static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>("okrsync.tracker.api.calls", "{call}", "Calls to tracker APIs.");

    /// <summary>Seconds between enqueueing a tracker event and applying it.</summary>
    public static readonly Histogram<double> QueueLag = Meter.CreateHistogram<double>("okrsync.queue.lag", "s", "Time a tracker event waited in the queue.");

    /// <summary>Webhook deliveries by source and outcome (accepted, duplicate, ignored, rejected).</summary>
    public static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("okrsync.webhooks", "{delivery}", "Webhook deliveries received.");

    /// <summary>Seconds a report recompute took.</summary>
    public static readonly Histogram<double> ReportDuration = Meter.CreateHistogram<double>("okrsync.report.duration", "s", "Duration of a report recompute.");
}
