using System.Text;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Token checks: personal access tokens, app JWTs, and the installation tokens issued for them.</summary>
internal sealed class GitHubAuth(FakeGitHubOptions options)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _tokens = [.. options.Tokens];
    private readonly Dictionary<string, DateTimeOffset> _installationTokens = [];
    private readonly List<GitHubAppJwt> _jwts = [];
    private int _issued;

    public IReadOnlyList<GitHubAppJwt> Jwts
    {
        get
        {
            lock (_gate)
            {
                return [.. _jwts];
            }
        }
    }

    public void AddToken(string token)
    {
        lock (_gate)
        {
            _tokens.Add(token);
        }
    }

    /// <summary>null when the token is accepted, else the 401 message GitHub sends.</summary>
    public string? CheckToken(string? authorization, DateTimeOffset now)
    {
        var token = Credential(authorization, "token") ?? Credential(authorization, "Bearer");
        if (token is null)
        {
            return "Requires authentication";
        }

        lock (_gate)
        {
            var valid = _tokens.Contains(token) || (_installationTokens.TryGetValue(token, out var expires) && now < expires);
            return valid ? null : "Bad credentials";
        }
    }

    /// <summary>Parses and records an app JWT; null (with a 401 message) when it is not a usable JWT.</summary>
    public GitHubAppJwt? AcceptJwt(string? authorization, long installationId, DateTimeOffset now, out string error)
    {
        error = "A JSON web token could not be decoded";
        var token = Credential(authorization, "Bearer");
        var parts = token?.Split('.');
        if (token is null || parts is not { Length: 3 } || TryDecode(parts[0]) is not { } header || TryDecode(parts[1]) is not { } payload)
        {
            return null;
        }

        var jwt = new GitHubAppJwt(
            token,
            header.TryGetProperty("alg", out var alg) ? alg.ToString() : string.Empty,
            payload.TryGetProperty("iss", out var iss) ? iss.ToString() : null,
            Seconds(payload, "iat"),
            Seconds(payload, "exp"),
            installationId);
        if (jwt.ExpiresAt is not { } expiresAt || expiresAt <= now)
        {
            error = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.";
            return null;
        }

        if (options.AppId is { } appId && jwt.Issuer != appId)
        {
            error = "'Issuer' claim ('iss') must be an Integer";
            return null;
        }

        lock (_gate)
        {
            _jwts.Add(jwt);
        }

        return jwt;
    }

    public (string Token, DateTimeOffset ExpiresAt) IssueInstallationToken(DateTimeOffset now)
    {
        lock (_gate)
        {
            var token = $"ghs_{++_issued:D4}{Convert.ToHexString(BitConverter.GetBytes(now.UtcTicks)).ToLowerInvariant()}";
            var expiresAt = now + options.InstallationTokenLifetime;
            _installationTokens[token] = expiresAt;
            return (token, expiresAt);
        }
    }

    private static string? Credential(string? authorization, string scheme) =>
        authorization is not null && authorization.StartsWith(scheme + " ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(scheme.Length + 1)..].Trim()
            : null;

    private static JsonElement? TryDecode(string segment)
    {
        try
        {
            var base64 = segment.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Seconds(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value) && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
