using System.Globalization;

namespace OkrSync.Pipeline;

/// <summary>
/// The webhooks' settings (section <c>OkrSync:Webhooks</c>, plus the secrets under <c>OkrSync:GitHub</c> and
/// <c>OkrSync:Jira</c>, bound from the <c>OkrSync</c> section).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "OkrSync";

    /// <summary>
    /// <c>OkrSync:Webhooks:DeliveryRetentionDays</c>: how many days delivery ids (and removals) are kept to recognise
    /// redeliveries, 1 to 3650. Default 7.
    /// </summary>
    public WebhookRetention Webhooks { get; set; } = new();

    /// <summary><c>OkrSync:GitHub:WebhookSecret</c>.</summary>
    public WebhookEndpointOptions GitHub { get; set; } = new();

    /// <summary><c>OkrSync:Jira:WebhookSecret</c> and <c>OkrSync:Jira:AllowUnsignedWebhooks</c> (default false).</summary>
    public WebhookEndpointOptions Jira { get; set; } = new();

    internal string? Problem() =>
        Webhooks.DeliveryRetentionDays is < 1 or > 3650
            ? string.Create(CultureInfo.InvariantCulture, $"{DeliveryRetention.Setting} is '{Webhooks.DeliveryRetentionDays}': give a whole number of days from 1 to 3650 (default {DeliveryRetention.DefaultDays}).")
            : null;
}

/// <summary>Section <c>OkrSync:Webhooks</c>.</summary>
public sealed class WebhookRetention
{
    public int DeliveryRetentionDays { get; set; } = DeliveryRetention.DefaultDays;
}

/// <summary>One tracker's webhook settings.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The HMAC secret; blank or an unresolved Key Vault reference counts as not configured.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Jira only: accept unsigned deliveries when no secret is set (explicit, logged, shown by health).</summary>
    public bool AllowUnsignedWebhooks { get; set; }

    internal string? Secret => string.IsNullOrWhiteSpace(WebhookSecret) || Settings.IsUnresolvedKeyVaultReference(WebhookSecret) ? null : WebhookSecret;
}
