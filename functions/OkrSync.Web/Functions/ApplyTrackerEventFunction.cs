using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Functions;

/// <summary>
/// The <c>ApplyTrackerEvent</c> queue function (<c>tracker-events</c>). The message text arrives in
/// <c>Data.message</c>, JSON-encoded twice by the host; a message that cannot be read or applied fails the
/// invocation, so it is retried and, after <c>maxDequeueCount</c> tries, kept in <c>tracker-events-poison</c>.
/// </summary>
internal sealed partial class ApplyTrackerEventFunction(TrackerEventApplier applier, TimeProvider clock, ILogger<ApplyTrackerEventFunction> logger) : IFunctionHandler
{
    public const string FunctionName = "ApplyTrackerEvent";
    public const string Binding = "message";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text(Binding) ?? throw new FormatException($"the invocation has no '{Binding}' binding");
        if (request.MetadataTime("InsertionTime") is { } inserted)
        {
            OkrSyncTelemetry.QueueLag.Record(Math.Max(0, (clock.GetUtcNow() - inserted).TotalSeconds));
        }
        var message = TrackerEventMessage.Parse(text);
        var applied = await applier.ApplyAsync(message, cancellationToken);
        var summary = $"{message.Source} {message.Event}{(message.Action is null ? "" : "." + message.Action)} (delivery {message.DeliveryId ?? "none"}, try {request.MetadataNumber("DequeueCount") ?? 1}): {applied}";
        LogApplied(logger, summary);
        return InvocationResult.Of(summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied tracker event {Summary}")]
    private static partial void LogApplied(ILogger logger, string summary);
}
