using System.Globalization;

namespace OkrSync.Web.Pages.Html;

/// <summary>The frame every page shares: head (stylesheet and script from the app itself), navigation, footer.</summary>
internal static class PageLayout
{
    public const string StyleSheet = "dashboard.css";
    public const string Script = "dashboard.js";

    public static string Render(DashboardPaths paths, string title, string current, string? strategy, DateTimeOffset? asOf, Action<HtmlText> body, bool signOut = false, string? jsonLink = null)
    {
        var html = new HtmlText();
        html.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · OkrSync</title>")
            .Raw("<link rel=\"icon\" href=\"data:,\">")
            .Raw("<link rel=\"stylesheet\"").Attr("href", paths.Asset(StyleSheet)).Raw(">")
            .Raw("<script defer").Attr("src", paths.Asset(Script)).Raw("></script></head><body>")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Raw("<header class=\"top\"><div class=\"brand\"><span class=\"logo\" aria-hidden=\"true\">◆</span> OkrSync");
        if (strategy is not null)
        {
            html.Raw(" <span class=\"strategy-name\">").Text(strategy).Raw("</span>");
        }
        html.Raw("</div><nav aria-label=\"Dashboard\"><ul>");
        foreach (var (name, href) in new[] { ("Strategy", paths.Strategy), ("Orphaned work", paths.Orphans), ("Investment", paths.Investment), ("Findings", paths.Findings) })
        {
            html.Raw("<li><a").Attr("href", href);
            if (name == current)
            {
                html.Raw(" aria-current=\"page\"");
            }
            html.Raw(">").Text(name).Raw("</a></li>");
        }
        html.Raw("</ul></nav>");
        if (signOut)
        {
            html.Raw("<form method=\"post\" class=\"sign-out\"").Attr("action", paths.SignOut).Raw("><button type=\"submit\">Sign out</button></form>");
        }
        html.Raw("</header><main id=\"main\"><h1>").Text(title).Raw("</h1>");
        if (asOf is { } at)
        {
            html.Raw("<p class=\"as-of\">As of <time").Attr("datetime", at.ToString("O", CultureInfo.InvariantCulture)).Raw(">")
                .Text(at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Raw("</time>");
            if (jsonLink is not null)
            {
                html.Raw(" · ").Link("this page as JSON", jsonLink);
            }
            html.Raw("</p>");
        }
        body(html);
        html.Raw("</main><footer><p>OkrSync: the strategy, the key results that measure it and the work moving them, in one picture.</p></footer></body></html>");
        return html.ToString();
    }

    /// <summary>A page that says why there is nothing to draw yet (no report, no such key result).</summary>
    public static string Message(DashboardPaths paths, string title, string message, string current = "") =>
        Render(paths, title, current, null, null, h => h.Raw("<p class=\"notice\">").Text(message).Raw("</p>"));

    /// <summary>The current request's path and query with <c>format=json</c> added.</summary>
    public static string JsonLinkOf(string path, IEnumerable<KeyValuePair<string, string?>> query)
    {
        var pairs = query.Where(p => p.Key != "format" && !string.IsNullOrEmpty(p.Value)).Append(new("format", "json"));
        return path + "?" + string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)));
    }
}
