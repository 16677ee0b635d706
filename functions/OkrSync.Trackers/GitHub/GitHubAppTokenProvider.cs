using Octokit;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// GitHub App auth: signs a JWT with the app's private key, exchanges it for an installation token, and keeps that
/// token until 5 minutes before it expires. Thread-safe; time comes from the injected TimeProvider.
/// </summary>
public sealed class GitHubAppTokenProvider(GitHubOptions options, GitHubConnections connections, TimeProvider time)
{
    /// <summary>A token this close to expiry is replaced before use.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? current;

    /// <summary>Installation tokens requested so far (each one is an API call).</summary>
    public int TokensIssued { get; private set; }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(current) is { } token)
        {
            return token;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } again)
            {
                return again;
            }
            current = await RequestAsync();
            TokensIssued++;
            return current.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Fresh(AccessToken? token) =>
        token is not null && token.ExpiresAt - RefreshMargin > time.GetUtcNow() ? token.Token : null;

    private async Task<AccessToken> RequestAsync()
    {
        var appId = options.AppId ?? throw new InvalidOperationException("OkrSync:GitHub:AppId is not set");
        var installationId = options.InstallationId ?? throw new InvalidOperationException("OkrSync:GitHub:InstallationId is not set");
        var key = options.PrivateKey ?? throw new InvalidOperationException("OkrSync:GitHub:PrivateKey is not set");
        var jwt = GitHubAppJwt.Create(appId, key, time.GetUtcNow());
        var client = new GitHubClient(connections.CreateTyped(new Credentials(jwt, AuthenticationType.Bearer)));
        return await client.GitHubApps.CreateInstallationToken(installationId);
    }
}
