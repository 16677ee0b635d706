namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Endpoint names used by <see cref="FakeTrackerMetrics"/>, <see cref="FaultOptions.Endpoints"/> and scheduled faults.</summary>
public static class JiraEndpoint
{
    /// <summary>Cloud: <c>GET|POST /rest/api/3/search/jql</c> (also <c>/rest/api/2/search/jql</c>).</summary>
    public const string SearchJql = "jira.search-jql";

    /// <summary>Data Center: <c>GET|POST /rest/api/2/search</c> (Cloud answers 410 Gone).</summary>
    public const string Search = "jira.search";

    /// <summary><c>GET /rest/api/{2|3}/issue/{idOrKey}</c>.</summary>
    public const string GetIssue = "jira.get-issue";

    /// <summary><c>GET /rest/api/{2|3}/myself</c>.</summary>
    public const string Myself = "jira.myself";

    /// <summary><c>GET /rest/api/{2|3}/field</c>.</summary>
    public const string Fields = "jira.field";

    /// <summary>Any other path (404).</summary>
    public const string NotFound = "jira.not-found";
}
