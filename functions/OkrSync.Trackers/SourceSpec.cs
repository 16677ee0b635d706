namespace OkrSync.Trackers;

/// <summary>
/// A <c>--source</c> argument: <c>KIND:VALUE</c>, with KIND an entry's prefix (<c>github:OWNER/REPO</c>, <c>jira:PROJECT</c>)
/// or export prefix (<c>github-export:PATH</c>, <c>jira-export:PATH</c>) in the <see cref="TrackerRegistry"/>.
/// </summary>
public sealed record SourceSpec(string Kind, string Value)
{
    public const string GitHubExport = "github-export";
    public const string JiraExport = "jira-export";
    public const string GitHub = "github";
    public const string Jira = "jira";

    public static bool TryParse(string text, out SourceSpec? spec, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var value = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (!TrackerRegistry.TryResolve(kind, out var entry, out var export))
        {
            error = $"'{text}' is not a source: use {TrackerRegistry.SpecForms()}";
            return false;
        }
        var problem = export
            ? value.Length == 0 ? $"'{text}': nothing after '{kind}:'" : null
            : entry.ContainerProblem(text, value);
        if (problem is not null)
        {
            error = problem;
            return false;
        }
        spec = new SourceSpec(kind, value);
        error = "";
        return true;
    }

    public override string ToString() => $"{Kind}:{Value}";
}
