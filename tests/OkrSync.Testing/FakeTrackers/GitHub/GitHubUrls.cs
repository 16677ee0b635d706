namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>
/// URL bases of one request: <see cref="Api"/> is where the client called (server root, or root + <c>/api/v3</c> for GHES style),
/// <see cref="Html"/> the web base (<c>https://github.com</c> by default; the server root for GHES-style calls).
/// </summary>
internal sealed record GitHubUrls(string Api, string Html)
{
    public string Repository(string fullName) => $"{Api}/repos/{fullName}";

    public string Issue(string fullName, int number) => $"{Api}/repos/{fullName}/issues/{number}";
}
