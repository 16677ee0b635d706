using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OkrSync.Web.Api;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;

namespace OkrSync.Web.Pages;

/// <summary>
/// How every page answers: the security headers (a strict Content-Security-Policy: nothing but the app's own stylesheet,
/// script, images and forms), HTML or, with <c>?format=json</c>, the data it drew; and the answers to refused requests.
/// </summary>
internal static class PageResponses
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static bool WantsJson(HttpRequest request) => string.Equals(request.Query["format"], "json", StringComparison.OrdinalIgnoreCase);

    public static void SecurityHeaders(HttpResponse response, bool cache = false)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = cache ? "public, max-age=3600" : "no-store";
    }

    public static IResult Html(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        SecurityHeaders(http.Response);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Json<T>(HttpContext http, T value, JsonTypeInfo<T> type)
    {
        SecurityHeaders(http.Response);
        return Results.Text(JsonSerializer.Serialize(value, type), "application/json", Encoding.UTF8);
    }

    /// <summary>An error as the page or, for <c>?format=json</c>, as the read API's <c>{"error": ...}</c>.</summary>
    public static IResult Error(HttpContext http, DashboardPaths paths, int status, string title, string message)
    {
        if (WantsJson(http.Request))
        {
            SecurityHeaders(http.Response);
            return ReadApi.Error(status, message);
        }
        return Html(http, PageLayout.Message(paths, title, message), status);
    }

    /// <summary>Null when the gate lets the request through; else the answer: the sign-in form (a redirect to it), 401 or 403.</summary>
    public static IResult? Refusal(HttpContext http, DashboardSite site)
    {
        switch (site.Gate.Check(http))
        {
            case PageAccess.Allowed:
                return null;
            case PageAccess.SignInRequired when !WantsJson(http.Request) && HttpMethods.IsGet(http.Request.Method):
                SecurityHeaders(http.Response);
                return Results.Redirect(site.Paths.SignIn + "?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            case PageAccess.SignInRequired:
                return Error(http, site.Paths, StatusCodes.Status401Unauthorized, "Sign in", "sign in first: the dashboard needs the API key");
            default:
                return Error(http, site.Paths, StatusCodes.Status403Forbidden, "Not available", site.Gate.RefusedMessage);
        }
    }
}
