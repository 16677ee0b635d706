namespace OkrSync.Trackers.Jira;

/// <summary><c>OkrSync:Jira:*</c>. Secrets (<see cref="ApiToken"/>, <see cref="PersonalAccessToken"/>) are never logged.</summary>
public sealed class JiraOptions
{
    public const string Section = "OkrSync:Jira";
    public const string ProjectsSetting = Section + ":Projects";

    /// <summary><c>https://acme.atlassian.net</c> or the Data Center base URL.</summary>
    public Uri? BaseUrl { get; set; }

    public JiraDeployment Deployment { get; set; } = JiraDeployment.Cloud;

    /// <summary>Cloud: the account e-mail for basic auth.</summary>
    public string? Email { get; set; }

    /// <summary>Cloud: API token (secret).</summary>
    public string? ApiToken { get; set; }

    /// <summary>Data Center: personal access token, sent as a bearer token (secret).</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Project keys synced by default: <c>ONB,ACME</c> or one per <c>__0</c>, <c>__1</c>... setting.</summary>
    public IList<string> Projects { get; init; } = [];

    /// <summary>Custom field id of story points; discovered from <c>/field</c> when absent.</summary>
    public string? StoryPointsField { get; set; }

    /// <summary>Jira Cloud's usual "Story point estimate" field, assumed for export files when none is configured.</summary>
    public const string CommonStoryPointsField = "customfield_10016";

    public string? WebhookSecret { get; set; }

    /// <summary>How far before the cursor an incremental query starts, to cover Jira's eventual consistency.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Issues per search call.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// How long one attempt of a call may wait for its response (and its JSON body) before it fails with
    /// <c>no response within …</c> and is retried once. Default 30 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum JiraDeployment
{
    /// <summary><c>/rest/api/3/search/jql</c> with <c>nextPageToken</c>; basic auth with e-mail and API token.</summary>
    Cloud,

    /// <summary><c>/rest/api/2/search</c> with <c>startAt</c>; a personal access token as bearer.</summary>
    DataCenter,
}
