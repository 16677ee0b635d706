using System.Text.Json;
using Octokit;
using OkrSync.Core.Work;
using OkrSync.Trackers.Http;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// Sub-issue parents for servers whose issue objects lack <c>parent_issue_url</c>: lists
/// <c>GET /repos/{o}/{r}/issues/{n}/sub_issues</c> (100 per call) for each listed issue that has sub-issues, adds the
/// children with their parent set, and remembers child → parent for children listed later in the same run.
/// Octokit 14 has no sub-issue model, so this uses the REST endpoint through Octokit's connection.
/// </summary>
internal sealed class GitHubSubIssues(Connection connection, string repository)
{
    // parents: child key to parent key for this run; expanded: parents (at their updated_at) already listed in this run.
    public async Task AddChildrenAsync(JsonElement page, List<WorkItem> items, Dictionary<string, string> parents, HashSet<string> expanded, CancellationToken cancellationToken)
    {
        foreach (var issue in page.EnumerateArray())
        {
            if (issue.Property("sub_issues_summary")?.Number("total") is not > 0)
            {
                continue;
            }
            var number = GitHubIssueMapper.NumberOf(issue);
            var parentKey = GitHubIssueMapper.KeyOf(repository, number);
            if (!expanded.Add($"{parentKey}@{issue.String("updated_at")}"))
            {
                continue; // already listed in this run (the tail read sees the boundary issues again)
            }
            string? endpoint = $"repos/{repository}/issues/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/sub_issues?per_page=100";
            while (endpoint is not null)
            {
                var response = await connection.Get<object>(new Uri(endpoint, UriKind.RelativeOrAbsolute), null, "application/vnd.github+json", cancellationToken);
                using (var children = JsonBody.Parse(response.HttpResponse.Body, "[]"))
                {
                    foreach (var child in children.RootElement.EnumerateArray())
                    {
                        var item = GitHubIssueMapper.Map(child, parentKey);
                        parents[item.Key] = parentKey;
                        var listed = items.FindIndex(i => i.Key == item.Key);
                        if (listed >= 0)
                        {
                            items[listed] = items[listed] with { ParentKey = parentKey };
                        }
                        else
                        {
                            items.Add(item);
                        }
                    }
                }
                endpoint = response.HttpResponse.ApiInfo.Links.TryGetValue("next", out var next) ? next.AbsoluteUri : null;
            }
        }
    }
}
