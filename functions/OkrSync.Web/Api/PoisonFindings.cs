using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Pipeline.Events;

namespace OkrSync.Web.Api;

/// <summary>
/// Turns the messages kept in <c>tracker-events-poison</c> into <c>poison-event</c> findings: each names the event,
/// the items it was about, and where it is kept, so that someone looks at it.
/// </summary>
internal static class PoisonFindings
{
    public const int MaxShown = 32;

    public static async Task<IReadOnlyList<FindingJson>> ReadAsync(IEventQueue queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var poisoned = await queue.PeekPoisonAsync(MaxShown, cancellationToken);
        return [.. poisoned.Select(ToFinding)];
    }

    public static FindingJson ToFinding(QueuedEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string subject, what;
        try
        {
            var parsed = TrackerEventMessage.Parse(message.Text);
            var keys = parsed.Upserts.Select(u => u.Key).Concat(parsed.Deletes).Concat(parsed.Fetches).ToList();
            subject = keys.FirstOrDefault() ?? message.Id;
            what = $"{parsed.Source} event {parsed.Event}{(parsed.Action is null ? "" : "." + parsed.Action)} for {(keys.Count == 0 ? "no item" : string.Join(", ", keys))} (delivery {parsed.DeliveryId ?? "none"})";
        }
        catch (FormatException)
        {
            subject = message.Id;
            what = $"an unreadable tracker event ({message.Text.Length} characters)";
        }
        return new FindingJson(
            FindingKinds.PoisonEvent,
            subject,
            $"The {what} could not be applied after its retries; it is kept in {EventQueueNames.TrackerEventsPoison} (message {message.Id}, enqueued {message.InsertedAt:u}). The next sync picks up the item's current state.",
            null,
            null);
    }
}
