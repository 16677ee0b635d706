using Octokit;

namespace OkrSync.Trackers.GitHub;

/// <summary>Gives Octokit the current installation token on every request, so a refreshed token is used at once.</summary>
internal sealed class GitHubAppCredentialStore(GitHubAppTokenProvider tokens) : ICredentialStore
{
    public async Task<Credentials> GetCredentials() => new(await tokens.GetTokenAsync(), AuthenticationType.Bearer);
}
