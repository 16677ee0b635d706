namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Options of a <see cref="FakeGitHubServer"/>.</summary>
public sealed record FakeGitHubOptions
{
    /// <summary>The token accepted by default (<c>Authorization: token X</c> or <c>Bearer X</c>).</summary>
    public const string DefaultToken = "ghp_fakeTokenForOkrSyncTests0000000000";

    /// <summary>Server clock: timestamps of created/updated issues, token expiry, rate-limit reset, slow-response delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Personal access tokens accepted.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [DefaultToken];

    /// <summary>When set, the app JWT's <c>iss</c> claim must equal it.</summary>
    public string? AppId { get; init; }

    /// <summary>Installation ids that may get tokens; empty means any.</summary>
    public IReadOnlyList<long> InstallationIds { get; init; } = [];

    /// <summary>Lifetime of installation access tokens (GitHub: one hour); expired tokens get 401.</summary>
    public TimeSpan InstallationTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Primary (core) rate limit per window; 304 responses are not charged.</summary>
    public int RateLimit { get; init; } = 5000;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Base of <c>html_url</c> for calls at the root; GHES-style calls (<c>/api/v3</c>) use the server root.</summary>
    public string HtmlBaseUrl { get; init; } = "https://github.com";

    /// <summary>Random fault injection; can be changed later through <see cref="FakeGitHubServer.Faults"/>.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;
}
