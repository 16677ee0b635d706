using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace OkrSync.Pipeline.Webhooks;

/// <summary>
/// Decides whether a webhook delivery may be trusted, failing closed: a delivery is accepted only with a valid HMAC
/// signature made with the configured secret. A secret that is missing, blank or an unresolved Key Vault reference
/// refuses every delivery (401, naming the setting; said once in the log). The one way to run open is Jira's explicit
/// <c>OkrSync:Jira:AllowUnsignedWebhooks=true</c> (some Jira Data Center versions cannot sign), which is logged as a
/// warning at start and shown by <c>/api/health</c>.
/// </summary>
public sealed partial class WebhookTrust
{
    public const string AllowUnsignedJiraSetting = "OkrSync:Jira:AllowUnsignedWebhooks";

    private readonly Dictionary<string, Endpoint> endpoints;
    private readonly ILogger<WebhookTrust> logger;

    public WebhookTrust(IOptions<WebhookOptions> options, UnresolvedSettings unresolved, ILogger<WebhookTrust> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(unresolved);
        this.logger = logger;
        var settings = options.Value;
        endpoints = new(StringComparer.Ordinal)
        {
            ["github"] = new("github", "X-Hub-Signature-256", "OkrSync:GitHub:WebhookSecret", settings.GitHub.Secret, unresolved, AllowUnsigned: false),
            ["jira"] = new("jira", "X-Hub-Signature", "OkrSync:Jira:WebhookSecret", settings.Jira.Secret, unresolved, settings.Jira.AllowUnsignedWebhooks),
        };
    }

    /// <summary>Sources whose unsigned deliveries are accepted by explicit opt-in (their secret is not configured).</summary>
    public IReadOnlyList<string> UnsignedAllowed => [.. endpoints.Values.Where(e => e.AllowUnsigned && e.Secret is null).Select(e => e.Source)];

    /// <summary>What health and the start-up log say about each endpoint: null when it is configured to verify signatures.</summary>
    public IEnumerable<(string Source, string Warning)> Warnings() =>
        endpoints.Values.Where(e => e.Secret is null).Select(e => (e.Source, e.AllowUnsigned
            ? $"{e.Source} webhooks accept unsigned deliveries ({AllowUnsignedJiraSetting}=true): anyone who can reach the endpoint can change work items"
            : $"{e.Source} webhooks are refused: {e.SecretProblem}"));

    /// <summary>Checks one delivery's signature header against the raw body.</summary>
    public WebhookVerdict Verify(string source, ReadOnlySpan<byte> body, StringValues signature)
    {
        var endpoint = endpoints[source];
        if (endpoint.Secret is null)
        {
            if (endpoint.AllowUnsigned)
            {
                return WebhookVerdict.Trusted;
            }
            if (Interlocked.Exchange(ref endpoint.Logged, 1) == 0)
            {
                LogRefusedNoSecret(logger, source, endpoint.SecretSetting, endpoint.SecretProblem);
            }
            return new WebhookVerdict(SignatureCheck.NoSecretConfigured, $"{source} webhooks are refused: {endpoint.SecretProblem}");
        }
        var check = WebhookSignature.Verify(endpoint.Secret, body, signature.ToString());
        return check switch
        {
            SignatureCheck.Valid => WebhookVerdict.Trusted,
            SignatureCheck.Missing => new(check, $"missing {endpoint.Header} signature"),
            _ => new(check, $"the {endpoint.Header} signature does not match the body"),
        };
    }

    /// <summary>Says at start, once, what the webhooks will refuse or accept unsigned.</summary>
    public void LogStartup()
    {
        foreach (var endpoint in endpoints.Values.Where(e => e.Secret is null))
        {
            if (endpoint.AllowUnsigned)
            {
                LogUnsignedAllowed(logger, endpoint.Source, AllowUnsignedJiraSetting);
            }
            else if (Interlocked.Exchange(ref endpoint.Logged, 1) == 0)
            {
                LogRefusedNoSecret(logger, endpoint.Source, endpoint.SecretSetting, endpoint.SecretProblem);
            }
        }
    }

    public string HeaderOf(string source) => endpoints[source].Header;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhooks are refused with 401 until {Setting} is set: {Problem}")]
    private static partial void LogRefusedNoSecret(ILogger logger, string source, string setting, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INSECURE: {Source} webhooks accept unsigned deliveries because {Setting}=true; anyone who can reach the endpoint can create, change or delete work items")]
    private static partial void LogUnsignedAllowed(ILogger logger, string source, string setting);

    private sealed class Endpoint(string source, string header, string secretSetting, string? secret, UnresolvedSettings unresolved, bool AllowUnsigned)
    {
        public int Logged;

        public string Source { get; } = source;

        public string Header { get; } = header;

        public string SecretSetting { get; } = secretSetting;

        public bool AllowUnsigned { get; } = AllowUnsigned;

        public string? Secret { get; } = secret;

        public string SecretProblem { get; } = unresolved.Contains(secretSetting)
            ? $"{secretSetting} is a Key Vault reference that did not resolve (check the app identity's Key Vault Secrets User role and the secret's name)"
            : $"{secretSetting} is not configured";
    }
}

/// <summary>The outcome of <see cref="WebhookTrust.Verify"/>: trusted, or a 401 with the reason to give.</summary>
public sealed record WebhookVerdict(SignatureCheck Check, string? Reason)
{
    public static WebhookVerdict Trusted { get; } = new(SignatureCheck.Valid, null);

    public bool IsTrusted => Check == SignatureCheck.Valid;
}

/// <summary>The settings that were still <c>@Microsoft.KeyVault(...)</c> at start (treated as not configured).</summary>
public sealed class UnresolvedSettings(IReadOnlyList<string> keys)
{
    private readonly HashSet<string> keys = new(keys, StringComparer.OrdinalIgnoreCase);

    public bool Contains(string key) => keys.Contains(key) || keys.Contains(key.Replace(":", "__", StringComparison.Ordinal));
}
