using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>The GitHub REST endpoints: read a snapshot, page it, write the JSON.</summary>
internal sealed partial class GitHubHandlers(GitHubStore store, GitHubJson json, FakeGitHubOptions options)
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    public FakeResponse ListIssues(HttpContext context)
    {
        var repo = RouteRepository(context);
        if (repo is null)
        {
            return GitHubErrors.Error(404, "Not Found", GitHubErrors.RestDocs + "/issues/issues#list-repository-issues");
        }

        var query = context.Request.Query;
        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(query["since"]))
        {
            if (!DateTimeOffset.TryParse(
                query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return GitHubErrors.Error(422, "Validation Failed", GitHubErrors.RestDocs + "/issues/issues#list-repository-issues");
            }

            since = parsed;
        }

        var listQuery = new GitHubListQuery(
            Choice(query["sort"], "created", "updated", "comments"),
            Choice(query["direction"], "desc", "asc") == "asc",
            Choice(query["state"], "open", "closed", "all"),
            since);
        var urls = Urls(context);
        return Page(context, repo.Query(listQuery), $"{urls.Api}/repositories/{repo.RepositoryId}/issues", (w, view) => json.WriteIssue(w, urls, repo, view));
    }

    public FakeResponse GetIssue(HttpContext context)
    {
        var repo = RouteRepository(context);
        var number = RouteNumber(context);
        if (repo is null)
        {
            return GitHubErrors.NotFound();
        }

        if (repo.ByNumber.TryGetValue(number, out var view))
        {
            return SingleIssue(Urls(context), repo, view);
        }

        var (gone, movedTo) = store.Gone(repo.FullName, number);
        if (movedTo is not null)
        {
            var location = Urls(context).Issue(movedTo.Repository, movedTo.Number);
            return FakeResponse.Json(301, JsonBody.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "Moved Permanently");
                w.WriteString("url", location);
                w.WriteString("documentation_url", GitHubErrors.RestDocs);
                w.WriteEndObject();
            })).WithHeader("Location", location);
        }

        return gone ? GitHubErrors.Error(410, "This issue was deleted") : GitHubErrors.NotFound();
    }

    public FakeResponse ListSubIssues(HttpContext context)
    {
        var repo = RouteRepository(context);
        var number = RouteNumber(context);
        if (repo is null || !repo.ByNumber.ContainsKey(number))
        {
            return GitHubErrors.NotFound();
        }

        var urls = Urls(context);
        var children = store.SubIssues(new FakeIssueRef(repo.FullName, number))
            .Select(child => store.Snapshot(child.Repository) is { } snapshot && snapshot.ByNumber.TryGetValue(child.Number, out var view)
                ? (snapshot, view)
                : default)
            .Where(pair => pair.view is not null)
            .ToList();
        return Page(context, children, $"{urls.Issue(repo.FullName, number)}/sub_issues", (w, pair) => json.WriteIssue(w, urls, pair.snapshot, pair.view));
    }

    public FakeResponse GetParent(HttpContext context)
    {
        var repo = RouteRepository(context);
        if (repo is null || !repo.ByNumber.TryGetValue(RouteNumber(context), out var view)
            || view.Issue.Parent is not { } parent
            || store.Snapshot(parent.Repository) is not { } parentRepo
            || !parentRepo.ByNumber.TryGetValue(parent.Number, out var parentView))
        {
            return GitHubErrors.NotFound();
        }

        return SingleIssue(Urls(context), parentRepo, parentView);
    }

    private FakeResponse SingleIssue(GitHubUrls urls, GitHubRepoSnapshot repo, GitHubIssueView view) =>
        FakeResponse.Json(200, JsonBody.Write(w => json.WriteIssue(w, urls, repo, view), 4096));

    private static FakeResponse Page<T>(HttpContext context, IReadOnlyList<T> items, string linkPath, Action<Utf8JsonWriter, T> write)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(Number(query["per_page"], DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, Number(query["page"], 1));
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var first = (long)(page - 1) * perPage;
        var count = first >= items.Count ? 0 : (int)Math.Min(perPage, items.Count - first);
        var response = JsonBody.Pooled(
            200,
            w =>
            {
                w.WriteStartArray();
                for (var i = 0; i < count; i++)
                {
                    write(w, items[(int)first + i]);
                }

                w.WriteEndArray();
            },
            Math.Max(1024, count * 5120));
        return GitHubLinks.Build(linkPath, query, page, lastPage) is { } link ? response.WithHeader("Link", link) : response;
    }

    private GitHubRepoSnapshot? RouteRepository(HttpContext context)
    {
        var values = context.Request.RouteValues;
        return values.TryGetValue("repositoryId", out var id)
            ? store.Snapshot(long.Parse((string)id!, CultureInfo.InvariantCulture))
            : store.Snapshot($"{values["owner"]}/{values["repo"]}");
    }

    private static int RouteNumber(HttpContext context) =>
        int.Parse((string)context.Request.RouteValues["number"]!, CultureInfo.InvariantCulture);

    private GitHubUrls Urls(HttpContext context)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}";
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        return new GitHubUrls(root + pathBase, pathBase.Length > 0 ? root : options.HtmlBaseUrl.TrimEnd('/'));
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Choice(string? value, string fallback, params string[] allowed) =>
        value is not null && (value == fallback || allowed.Contains(value)) ? value : fallback;
}
