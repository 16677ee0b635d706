using System.Collections.Concurrent;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Immutable view of the fake Jira at one version, with the results of each JQL query cached.</summary>
internal sealed class JiraSnapshot(
    long version,
    IReadOnlyDictionary<string, FakeJiraIssue> issues,
    IReadOnlyDictionary<string, JiraProject> projects,
    IReadOnlyDictionary<string, string> movedKeys)
{
    private const int MaxCachedQueries = 64;
    private readonly ConcurrentDictionary<string, FakeJiraIssue[]> _queries = new(StringComparer.Ordinal);

    public long Version { get; } = version;

    /// <summary>Issues by key (case-insensitive).</summary>
    public IReadOnlyDictionary<string, FakeJiraIssue> Issues { get; } = issues;

    /// <summary>Projects by key (case-insensitive).</summary>
    public IReadOnlyDictionary<string, JiraProject> Projects { get; } = projects;

    /// <summary>Old keys of moved issues, to their current key.</summary>
    public IReadOnlyDictionary<string, string> MovedKeys { get; } = movedKeys;

    private ILookup<string, FakeJiraIssue>? _byProject;
    private Dictionary<long, FakeJiraIssue>? _byId;

    /// <summary>Issues grouped by project key (case-insensitive), built on first use.</summary>
    public ILookup<string, FakeJiraIssue> ByProject => _byProject ??= Issues.Values.ToLookup(i => i.Project, StringComparer.OrdinalIgnoreCase);

    public FakeJiraIssue? Find(string idOrKey)
    {
        if (Issues.TryGetValue(idOrKey, out var issue))
        {
            return issue;
        }

        if (MovedKeys.TryGetValue(idOrKey, out var key))
        {
            return Issues.GetValueOrDefault(key);
        }

        _byId ??= Issues.Values.ToDictionary(i => i.Id);
        return long.TryParse(idOrKey, System.Globalization.CultureInfo.InvariantCulture, out var id) ? _byId.GetValueOrDefault(id) : null;
    }

    public FakeJiraIssue[] Query(string cacheKey, Func<JiraSnapshot, FakeJiraIssue[]> evaluate)
    {
        if (_queries.Count > MaxCachedQueries)
        {
            _queries.Clear();
        }

        return _queries.GetOrAdd(cacheKey, _ => evaluate(this));
    }
}
