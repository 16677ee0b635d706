namespace OkrSync.Testing.FakeTrackers.Jira;

internal sealed partial class JiraHandlers
{
    public FakeResponse GetIssue(HttpContext context)
    {
        if (Urls(context) is not { } urls)
        {
            return JiraErrors.NotFound();
        }

        var snapshot = store.Snapshot();
        if (snapshot.Find((string)context.Request.RouteValues["idOrKey"]!) is not { } issue)
        {
            return JiraErrors.IssueNotFound();
        }

        var fields = JiraFieldSelection.Parse(context.Request.Query["fields"], defaultAll: true);
        return FakeResponse.Json(200, JsonBody.Write(w => json.WriteIssue(w, urls, snapshot, issue, fields)));
    }

    public FakeResponse Myself(HttpContext context) =>
        Urls(context) is { } urls ? FakeResponse.Json(200, JsonBody.Write(w => json.WriteMyself(w, urls))) : JiraErrors.NotFound();

    public FakeResponse Fields(HttpContext context) =>
        Urls(context) is not null ? FakeResponse.Json(200, JsonBody.Write(json.WriteFieldList)) : JiraErrors.NotFound();

    /// <summary>URL bases for the called API version, or null when the deployment has no such version (DC: 2 and latest only).</summary>
    private JiraUrls? Urls(HttpContext context)
    {
        var version = (string?)context.Request.RouteValues["version"];
        var supported = options.Deployment == JiraDeployment.Cloud ? version is "2" or "3" or "latest" : version is "2" or "latest";
        if (!supported)
        {
            return null;
        }

        var site = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return new JiraUrls(site, $"{site}/rest/api/{version}");
    }
}
