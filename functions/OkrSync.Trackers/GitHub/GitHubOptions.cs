namespace OkrSync.Trackers.GitHub;

/// <summary>
/// <c>OkrSync:GitHub:*</c>. Either <see cref="Token"/>, or <see cref="AppId"/> + <see cref="InstallationId"/> +
/// <see cref="PrivateKey"/>. Secrets are never logged; this type has no ToString that shows them.
/// </summary>
public sealed class GitHubOptions
{
    public const string Section = "OkrSync:GitHub";
    public const string RepositoriesSetting = Section + ":Repositories";

    /// <summary><c>https://api.github.com</c>, or GitHub Enterprise Server's <c>https://HOST/api/v3</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.github.com");

    /// <summary>Personal access token or fine-grained token (secret).</summary>
    public string? Token { get; set; }

    public string? AppId { get; set; }

    public long? InstallationId { get; set; }

    /// <summary>The GitHub App's private key, PEM (secret).</summary>
    public string? PrivateKey { get; set; }

    /// <summary><c>owner/repo</c> names synced by default: <c>a/b,c/d</c> or one per <c>__0</c>, <c>__1</c>... setting.</summary>
    public IList<string> Repositories { get; init; } = [];

    public string? WebhookSecret { get; set; }

    /// <summary>How sub-issue parents are read. See <see cref="SubIssueParentMode"/>.</summary>
    public SubIssueParentMode SubIssueParents { get; set; } = SubIssueParentMode.IssueField;

    /// <summary>Issues per list call (GitHub's maximum is 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// How long one attempt of a call may wait for its response (and its JSON body) before it fails with
    /// <c>no response within …</c> and is retried once. Default 30 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesApp => AppId is not null || InstallationId is not null || PrivateKey is not null;
}

public enum SubIssueParentMode
{
    /// <summary>Read <c>parent_issue_url</c> from each listed issue: no extra calls.</summary>
    IssueField,

    /// <summary>
    /// For servers whose issues lack <c>parent_issue_url</c> (older GHES): list <c>/issues/{n}/sub_issues</c> of each
    /// listed issue whose <c>sub_issues_summary.total</c> is positive, one call per 100 children.
    /// </summary>
    ListSubIssues,
}
