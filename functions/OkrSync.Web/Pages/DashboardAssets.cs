using System.Collections.Frozen;

namespace OkrSync.Web.Pages;

/// <summary>
/// The dashboard's stylesheet and script, embedded in this assembly and served by the app itself (the
/// Content-Security-Policy allows nothing else): <c>{base}/assets/dashboard.css</c> and <c>{base}/assets/dashboard.js</c>.
/// </summary>
public static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal)
    {
        ["dashboard.css"] = (Read("dashboard.css"), "text/css; charset=utf-8"),
        ["dashboard.js"] = (Read("dashboard.js"), "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IResult Serve(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }
        PageResponses.SecurityHeaders(http.Response, cache: true);
        return Results.Bytes(file.Content, file.Type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("OkrSync.Web.Pages.Assets." + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
