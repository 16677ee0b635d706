namespace OkrSync.Trackers;

/// <summary>
/// A <c>--source</c> argument: <c>github-export:PATH</c>, <c>jira-export:PATH</c>, <c>github:OWNER/REPO</c> or <c>jira:PROJECT</c>.
/// </summary>
public sealed record SourceSpec(string Kind, string Value)
{
    public const string GitHubExport = "github-export";
    public const string JiraExport = "jira-export";
    public const string GitHub = "github";
    public const string Jira = "jira";

    private static readonly string[] Kinds = [GitHubExport, JiraExport, GitHub, Jira];

    public static bool TryParse(string text, out SourceSpec? spec, out string error)
    {
        spec = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var value = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (!Kinds.Contains(kind))
        {
            error = $"'{text}' is not a source: use github-export:PATH, jira-export:PATH, github:OWNER/REPO or jira:PROJECT";
            return false;
        }
        if (value.Length == 0 || (kind == GitHub && value.Split('/').Length != 2))
        {
            error = kind == GitHub ? $"'{text}': name the repository as github:OWNER/REPO" : $"'{text}': nothing after '{kind}:'";
            return false;
        }
        spec = new SourceSpec(kind, value);
        error = "";
        return true;
    }

    public override string ToString() => $"{Kind}:{Value}";
}
