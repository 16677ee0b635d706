using OkrSync.Pipeline.Events;

namespace OkrSync.Pipeline.Webhooks;

/// <summary>What a webhook payload means for OkrSync: a message to enqueue, an event to ignore, or an invalid payload.</summary>
public abstract record WebhookTranslation
{
    private WebhookTranslation()
    {
    }

    public sealed record Enqueue(TrackerEventMessage Message) : WebhookTranslation;

    public sealed record Ignore(string Reason) : WebhookTranslation;

    public sealed record Invalid(string Reason) : WebhookTranslation;
}
