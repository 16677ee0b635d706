using System.Text;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Builds GitHub's <c>Link</c> header: <c>&lt;url&gt;; rel="prev", &lt;url&gt;; rel="next", &lt;url&gt;; rel="last", &lt;url&gt;; rel="first"</c>.</summary>
internal static class GitHubLinks
{
    public static string? Build(string path, IQueryCollection query, int page, int lastPage)
    {
        var relations = new List<string>(4);
        if (page > 1)
        {
            relations.Add(Link(path, query, Math.Min(page - 1, lastPage), "prev"));
        }

        if (page < lastPage)
        {
            relations.Add(Link(path, query, page + 1, "next"));
            relations.Add(Link(path, query, lastPage, "last"));
        }

        if (page > 1)
        {
            relations.Add(Link(path, query, 1, "first"));
        }

        return relations.Count == 0 ? null : string.Join(", ", relations);
    }

    private static string Link(string path, IQueryCollection query, int page, string relation)
    {
        var url = new StringBuilder(path).Append('?');
        foreach (var (name, values) in query)
        {
            if (string.Equals(name, "page", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty)).Append('&');
            }
        }

        url.Append("page=").Append(page);
        return $"<{url}>; rel=\"{relation}\"";
    }
}
