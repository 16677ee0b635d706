using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.GitHub;

internal sealed partial class GitHubJson
{
    public void WriteUser(Utf8JsonWriter w, GitHubUrls urls, string login) =>
        w.WriteRawValue(_fragments.GetOrAdd((urls.Api, "user", login), key => JsonBody.Write(u => User(u, urls, key.Key)).ToArray()), true);

    public void WriteUserOrNull(Utf8JsonWriter w, GitHubUrls urls, string? login)
    {
        if (login is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteUser(w, urls, login);
        }
    }

    private void WriteLabel(Utf8JsonWriter w, GitHubUrls urls, string repository, string name) =>
        w.WriteRawValue(
            _fragments.GetOrAdd((urls.Api, "label", repository + "\n" + name), _ => JsonBody.Write(l => Label(l, urls, repository, name)).ToArray()),
            true);

    private void WriteMilestone(Utf8JsonWriter w, GitHubUrls urls, GitHubRepoSnapshot repo, GitHubMilestoneView view)
    {
        var milestone = view.Milestone;
        var url = $"{urls.Repository(repo.FullName)}/milestones/{milestone.Number}";
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString("html_url", $"{urls.Html}/{repo.FullName}/milestone/{milestone.Number}");
        w.WriteString("labels_url", url + "/labels");
        w.WriteNumber("id", view.Id);
        w.WriteString("node_id", NodeId("MI_kwDO", view.Id));
        w.WriteNumber("number", milestone.Number);
        w.WriteString("title", milestone.Title);
        w.WriteNull("description");
        w.WritePropertyName("creator");
        WriteUser(w, urls, repo.Owner);
        w.WriteNumber("open_issues", view.OpenIssues);
        w.WriteNumber("closed_issues", view.ClosedIssues);
        w.WriteString("state", milestone.State == GitHubIssueState.Closed ? "closed" : "open");
        WriteTime(w, "created_at", view.CreatedAt);
        WriteTime(w, "updated_at", view.CreatedAt);
        WriteTime(w, "due_on", milestone.DueOn);
        WriteTime(w, "closed_at", milestone.State == GitHubIssueState.Closed ? milestone.DueOn ?? view.CreatedAt : null);
        w.WriteEndObject();
    }

    private static void User(Utf8JsonWriter w, GitHubUrls urls, string login)
    {
        var id = StableHash.Id("user:" + login, 90_000_000);
        var url = $"{urls.Api}/users/{login}";
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId("U_kgDO", id));
        w.WriteString("avatar_url", $"https://avatars.githubusercontent.com/u/{id}?v=4");
        w.WriteString("gravatar_id", string.Empty);
        w.WriteString("url", url);
        w.WriteString("html_url", $"{urls.Html}/{login}");
        w.WriteString("followers_url", url + "/followers");
        w.WriteString("following_url", url + "/following{/other_user}");
        w.WriteString("gists_url", url + "/gists{/gist_id}");
        w.WriteString("starred_url", url + "/starred{/owner}{/repo}");
        w.WriteString("subscriptions_url", url + "/subscriptions");
        w.WriteString("organizations_url", url + "/orgs");
        w.WriteString("repos_url", url + "/repos");
        w.WriteString("events_url", url + "/events{/privacy}");
        w.WriteString("received_events_url", url + "/received_events");
        w.WriteString("type", "User");
        w.WriteString("user_view_type", "public");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    private static void Label(Utf8JsonWriter w, GitHubUrls urls, string repository, string name)
    {
        var id = StableHash.Id("label:" + repository + ":" + name, 9_000_000_000);
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId("LA_kwDO", id));
        w.WriteString("url", $"{urls.Repository(repository)}/labels/{Uri.EscapeDataString(name)}");
        w.WriteString("name", name);
        w.WriteString("color", (StableHash.Of("color:" + name) & 0xFFFFFF).ToString("x6", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteBoolean("default", DefaultLabels.Contains(name));
        w.WriteString("description", DefaultLabels.Contains(name) ? $"Default label: {name}" : null);
        w.WriteEndObject();
    }
}
