namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary><see cref="Site"/> is the server root as called; <see cref="Api"/> the REST base of the called version (<c>/rest/api/3</c>).</summary>
internal sealed record JiraUrls(string Site, string Api);
