using OkrSync.Functions.Events;

namespace OkrSync.Functions.Hosting.Webhooks;

/// <summary>What a webhook payload means for OkrSync: a message to enqueue, an event to ignore, or an invalid payload.</summary>
internal abstract record WebhookTranslation
{
    private WebhookTranslation()
    {
    }

    internal sealed record Enqueue(TrackerEventMessage Message) : WebhookTranslation;

    internal sealed record Ignore(string Reason) : WebhookTranslation;

    internal sealed record Invalid(string Reason) : WebhookTranslation;
}
