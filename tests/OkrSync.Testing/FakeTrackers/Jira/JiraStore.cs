namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Thread-safe in-memory state of a fake Jira: projects and issues.</summary>
internal sealed partial class JiraStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JiraProject> _projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _nextNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeJiraIssue> _issues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _movedKeys = new(StringComparer.OrdinalIgnoreCase);
    private long _nextIssueId = 10_001;
    private long _nextProjectId = 10_000;
    private long _version;
    private JiraSnapshot? _snapshot;

    public DateTimeOffset Now => TruncateToMilliseconds(time.GetUtcNow());

    public void AddProject(string key, string? name = null)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a project key.", nameof(key));
        }

        lock (_gate)
        {
            if (_projects.TryAdd(key, new JiraProject(key.ToUpperInvariant(), _nextProjectId, name ?? $"Project {key}")))
            {
                _nextProjectId++;
                _nextNumber[key] = 1;
                _version++;
            }
        }
    }

    public FakeJiraIssue? Find(string key)
    {
        lock (_gate)
        {
            return _issues.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<FakeJiraIssue> Issues(string project)
    {
        lock (_gate)
        {
            return [.. _issues.Values
                .Where(issue => string.Equals(issue.Project, project, StringComparison.OrdinalIgnoreCase))
                .OrderBy(issue => JiraKeys.Number(issue.Key))];
        }
    }

    public JiraSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_snapshot is null || _snapshot.Version != _version)
            {
                _snapshot = new JiraSnapshot(
                    _version,
                    new Dictionary<string, FakeJiraIssue>(_issues, StringComparer.OrdinalIgnoreCase),
                    new Dictionary<string, JiraProject>(_projects, StringComparer.OrdinalIgnoreCase),
                    new Dictionary<string, string>(_movedKeys, StringComparer.OrdinalIgnoreCase));
            }

            return _snapshot;
        }
    }

    private JiraProject RequireProject(string key) =>
        _projects.TryGetValue(key, out var project)
            ? project
            : throw new KeyNotFoundException($"Project '{key}' does not exist in the fake Jira.");

    private FakeJiraIssue RequireIssue(string key) =>
        _issues.TryGetValue(key, out var issue) ? issue : throw new KeyNotFoundException($"Issue '{key}' does not exist.");

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
