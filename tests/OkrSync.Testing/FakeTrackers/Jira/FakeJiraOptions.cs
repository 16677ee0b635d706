namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Which Jira the fake imitates: Cloud (search/jql, basic auth) or Data Center (v2 search, bearer PAT).</summary>
public enum JiraDeployment
{
    Cloud,
    DataCenter,
}

/// <summary>Options of a <see cref="FakeJiraServer"/>.</summary>
public sealed record FakeJiraOptions
{
    public JiraDeployment Deployment { get; init; } = JiraDeployment.Cloud;

    /// <summary>Server clock: timestamps of changes, relative JQL dates, slow-response delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Cloud basic-auth user (email).</summary>
    public string Email { get; init; } = "okrsync-bot@example.com";

    /// <summary>Cloud basic-auth API token.</summary>
    public string ApiToken { get; init; } = "fake-jira-api-token";

    /// <summary>Data Center personal access token (sent as Bearer).</summary>
    public string PersonalAccessToken { get; init; } = "fake-jira-pat";

    public string AccountId { get; init; } = "5b10a2844c20165700ede21g";

    public string DisplayName { get; init; } = "OkrSync Bot";

    /// <summary>IANA time zone of the calling user (<c>/myself</c> timeZone): JQL dates are read in it, timestamps are written in it.</summary>
    public string TimeZone { get; init; } = "Asia/Tokyo";

    /// <summary>Id of the story points custom field (values of <see cref="FakeJiraIssue.StoryPoints"/>).</summary>
    public string StoryPointsFieldId { get; init; } = "customfield_10016";

    public string StoryPointsFieldName { get; init; } = "Story point estimate";

    /// <summary><c>schema.custom</c> of the story points field.</summary>
    public string StoryPointsFieldSchema { get; init; } = "com.pyxis.greenhopper.jira:jsw-story-points";

    /// <summary>Cloud search/jql page cap when fields beyond id/key are requested.</summary>
    public int CloudMaxResults { get; init; } = 100;

    /// <summary>Cloud search/jql page cap when only ids are requested.</summary>
    public int CloudMaxResultsIdsOnly { get; init; } = 5000;

    /// <summary>Data Center search page cap (jira.search.views.default.max).</summary>
    public int DataCenterMaxResults { get; init; } = 1000;

    /// <summary>Random fault injection; can be changed later through <see cref="FakeJiraServer.Faults"/>.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;
}
