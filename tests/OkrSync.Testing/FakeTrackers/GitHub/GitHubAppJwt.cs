namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>A GitHub App JWT the fake received on <c>POST /app/installations/{id}/access_tokens</c>.</summary>
public sealed record GitHubAppJwt(
    string Token,
    string Algorithm,
    string? Issuer,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ExpiresAt,
    long InstallationId);
