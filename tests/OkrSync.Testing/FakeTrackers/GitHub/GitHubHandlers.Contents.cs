using System.Globalization;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>
/// <c>GET /repos/{o}/{r}/contents/{path}?ref=</c> (a file: base64 <c>content</c> wrapped at 60 characters as GitHub
/// sends it, <c>encoding</c>, <c>sha</c>...; the ETag and 304 come from the protocol) and
/// <c>GET /repos/{o}/{r}/commits?sha=&amp;path=&amp;per_page=</c> (newest first).
/// </summary>
internal sealed class GitHubContentsHandlers(GitHubFiles files)
{
    private const string ContentsDocs = GitHubErrors.RestDocs + "/repos/contents#get-repository-content";

    public FakeResponse GetContent(HttpContext context)
    {
        var repository = Repository(context);
        var path = ((string?)context.Request.RouteValues["path"] ?? "").Trim('/');
        var reference = context.Request.Query["ref"].ToString() is { Length: > 0 } r ? r : "main";
        if (files.Resolve(repository, reference) is not { } resolved || !resolved.Commit.Tree.TryGetValue(path, out var text))
        {
            return GitHubErrors.Error(404, "Not Found", ContentsDocs);
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Join("\n", Enumerable.Range(0, (base64.Length + 59) / 60).Select(i => base64.Substring(i * 60, Math.Min(60, base64.Length - (i * 60))))) + "\n";
        var sha = GitHubFiles.BlobSha(bytes);
        var api = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return FakeResponse.Json(200, JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "file");
            w.WriteString("encoding", "base64");
            w.WriteNumber("size", bytes.Length);
            w.WriteString("name", path.Split('/')[^1]);
            w.WriteString("path", path);
            w.WriteString("content", wrapped);
            w.WriteString("sha", sha);
            w.WriteString("url", $"{api}/repos/{repository}/contents/{path}?ref={reference}");
            w.WriteString("git_url", $"{api}/repos/{repository}/git/blobs/{sha}");
            w.WriteString("html_url", $"https://github.com/{repository}/blob/{reference}/{path}");
            w.WriteString("download_url", $"https://raw.githubusercontent.com/{repository}/{reference}/{path}");
            w.WriteEndObject();
        }));
    }

    public FakeResponse ListCommits(HttpContext context)
    {
        var repository = Repository(context);
        var query = context.Request.Query;
        var reference = query["sha"].ToString() is { Length: > 0 } s ? s : "main";
        var path = query["path"].ToString().Trim('/');
        var perPage = int.TryParse(query["per_page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : 30;
        if (files.Resolve(repository, reference) is not { } resolved)
        {
            return GitHubErrors.Error(404, "No commit found for SHA: " + reference, GitHubErrors.RestDocs + "/commits/commits#list-commits");
        }
        var listed = resolved.History.AsEnumerable().Reverse()
            .Where(c => path.Length == 0 || c.Changed.Contains(path))
            .Take(perPage)
            .ToList();
        var api = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return FakeResponse.Json(200, JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var commit in listed)
            {
                w.WriteStartObject();
                w.WriteString("sha", commit.Sha);
                w.WriteString("url", $"{api}/repos/{repository}/commits/{commit.Sha}");
                w.WriteString("html_url", $"https://github.com/{repository}/commit/{commit.Sha}");
                w.WriteStartObject("commit");
                w.WriteString("message", commit.Message);
                w.WriteStartObject("author");
                w.WriteString("name", "Octo Cat");
                w.WriteString("date", commit.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    private static string Repository(HttpContext context) =>
        $"{context.Request.RouteValues["owner"]}/{context.Request.RouteValues["repo"]}";
}
