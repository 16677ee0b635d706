using System.Text;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class WebhookFuzzTests
{
    [Fact]
    public async Task MalformedTruncatedAndMisSignedBodies_NeverGive5xxNorChangeAnything()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var random = new Random(20261122);
        var statuses = new List<int>();

        foreach (var (target, body, signed) in Cases(random))
        {
            var response = target == "github"
                ? await app.Client.PostGitHubAsync("issues", body, secret: signed ? AppHarness.GitHubSecret : "wrong-secret")
                : await app.Client.PostJiraAsync(body, secret: signed ? AppHarness.JiraSecret : "wrong-secret");
            statuses.Add((int)response.StatusCode);
        }

        foreach (var bytes in InvalidUtf8())
        {
            statuses.Add((int)(await app.Client.PostGitHubAsync("issues", bytes)).StatusCode);
        }

        Assert.True(statuses.Count >= 300);
        Assert.All(statuses, status => Assert.InRange(status, 400, 499));
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
        Assert.Empty(await app.Store.ReadAllItemsAsync().ToListAsync());
    }

    private static IEnumerable<(string Target, string Body, bool Signed)> Cases(Random random)
    {
        var github = WebhookPayloads.Issues("labeled", 12, TrackerJson.Label("onboarding"), label: "onboarding").Trim();
        var jira = WebhookPayloads.Jira("jira:issue_updated", "ONB-1").Trim();
        foreach (var (target, valid) in new[] { ("github", github), ("jira", jira) })
        {
            for (var i = 0; i < 60; i++)
            {
                yield return (target, valid[..random.Next(0, valid.Length - 1)], true); // truncated, signed correctly
                yield return (target, valid, false); // mis-signed
                yield return (target, Garbage(random), true); // random bytes as text
            }
        }
        string[] githubBreakages =
        [
            """{ "action": "opened", "issue": [] }""",
            """{ "action": "opened" }""",
            """{ "action": "opened", "issue": { "number": "x", "repository_url": "https://api.github.com/repos/a/b", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z" } }""",
            """{ "action": "opened", "issue": { "number": 1, "repository_url": "nope", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z" } }""",
            """{ "action": "opened", "issue": { "number": 1, "repository_url": "https://api.github.com/repos/a/b", "created_at": "yesterday", "updated_at": "2026-01-01T00:00:00Z" } }""",
            """{ "action": "opened", "issue": { "number": 1, "repository_url": "https://api.github.com/repos/a/b", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "labels": 5 } }""",
            """{ "action": "opened", "issue": { "number": 1e999, "repository_url": "https://api.github.com/repos/a/b" } }""",
            "[1, 2, 3]",
            "\"just a string\"",
            "null",
            new string('[', 5000) + new string(']', 5000),
        ];
        foreach (var body in githubBreakages)
        {
            yield return ("github", body, true);
        }
        string[] jiraBreakages =
        [
            """{ "webhookEvent": "jira:issue_updated" }""",
            """{ "webhookEvent": "jira:issue_updated", "issue": { "key": "ONB-1" } }""",
            """{ "webhookEvent": "jira:issue_updated", "issue": { "key": "ONB-1", "fields": { "created": "nope", "updated": "nope" } } }""",
            """{ "webhookEvent": "jira:issue_deleted", "issue": { "key": "NOKEY" } }""",
            """{ "webhookEvent": { "name": "x" } }""",
            """{ "issue": {} }""",
            "[]",
        ];
        foreach (var body in jiraBreakages)
        {
            yield return ("jira", body, true);
        }
    }

    private static IEnumerable<byte[]> InvalidUtf8()
    {
        var valid = Encoding.UTF8.GetBytes(WebhookPayloads.Issues("opened", 3));
        var title = Encoding.UTF8.GetBytes("Issue 3");
        var at = valid.AsSpan().IndexOf(title);
        var broken = (byte[])valid.Clone();
        broken[at] = 0xFF;
        broken[at + 1] = 0xFE;
        yield return broken;
        yield return [0xEF, 0xBB, 0xBF, .. valid[..20], 0xC3, 0x28];
        yield return [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D];
    }

    private static string Garbage(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }
}
