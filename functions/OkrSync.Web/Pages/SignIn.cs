using OkrSync.Web.Hosting;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;

namespace OkrSync.Web.Pages;

/// <summary>
/// <c>okrsync serve</c>'s sign-in: a form asking for the API key (<c>OkrSync:Api:Key</c>); a right key becomes an
/// HttpOnly, SameSite=Strict cookie (Secure over HTTPS) scoped to the dashboard; a wrong one is a 401 and the form again.
/// </summary>
internal static class SignIn
{
    public static IResult Form(HttpContext http, DashboardSite site, string? error = null, int status = StatusCodes.Status200OK)
    {
        var returnTo = LocalReturn(site.Paths, http.Request.Query["return"].ToString() is { Length: > 0 } q ? q : http.Request.HasFormContentType ? http.Request.Form["return"].ToString() : null);
        var html = PageLayout.Render(site.Paths, "Sign in", "", null, null, h =>
        {
            h.Raw("<form class=\"sign-in\" method=\"post\"").Attr("action", site.Paths.SignIn).Raw(">");
            if (error is not null)
            {
                h.Raw("<p class=\"error\" role=\"alert\">").Text(error).Raw("</p>");
            }
            h.Raw("<p>").Text($"This dashboard is shared beyond this machine: enter the API key ({ServeAccess.KeySetting}) to see it.").Raw("</p>")
                .Raw("<label for=\"key\">API key</label><input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" required>")
                .Raw("<input type=\"hidden\" name=\"return\"").Attr("value", returnTo).Raw("><button type=\"submit\">Sign in</button></form>");
        });
        return PageResponses.Html(http, html, status);
    }

    public static async Task<IResult> SubmitAsync(HttpContext http, DashboardSite site, CancellationToken cancellationToken = default)
    {
        if (site.Gate is not ServePageGate gate || !gate.HasSignIn)
        {
            return PageResponses.Error(http, site.Paths, StatusCodes.Status404NotFound, "No sign-in", "this dashboard has no sign-in: it answers this machine only");
        }
        if (!http.Request.HasFormContentType)
        {
            return Form(http, site, "Send the form.", StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!gate.Accepts(form["key"].ToString()))
        {
            return Form(http, site, "That is not the API key.", StatusCodes.Status401Unauthorized);
        }
        http.Response.Cookies.Append(ServePageGate.CookieName, form["key"].ToString(), Cookie(http, site));
        PageResponses.SecurityHeaders(http.Response);
        return Results.Redirect(LocalReturn(site.Paths, form["return"].ToString()));
    }

    public static IResult SignOut(HttpContext http, DashboardSite site)
    {
        http.Response.Cookies.Delete(ServePageGate.CookieName, Cookie(http, site));
        PageResponses.SecurityHeaders(http.Response);
        return Results.Redirect(site.Paths.SignIn);
    }

    private static CookieOptions Cookie(HttpContext http, DashboardSite site) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = site.Paths.Base,
        IsEssential = true,
    };

    /// <summary>Only a path of the dashboard itself: never another site (no open redirect).</summary>
    private static string LocalReturn(DashboardPaths paths, string? requested) =>
        requested is { Length: > 0 } r && r.StartsWith(paths.Base, StringComparison.Ordinal) && !r.StartsWith("//", StringComparison.Ordinal) && !r.Contains('\\', StringComparison.Ordinal) ? r : paths.Strategy;
}
