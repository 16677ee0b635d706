namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>A fake Jira project.</summary>
internal sealed record JiraProject(string Key, long Id, string Name);
