using OkrSync.Web.Hosting;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;

namespace OkrSync.Web.Pages;

/// <summary>The dashboard on <c>okrsync serve</c>: the pages under <c>/dashboard</c>, its assets and sign-in (<c>/</c> stays the host's readiness ping).</summary>
internal static class DashboardEndpoints
{
    public static DashboardSite MapDashboard(this IEndpointRouteBuilder endpoints, ServeAccess access)
    {
        var site = new DashboardSite(DashboardPaths.Serve, new ServePageGate(access));
        var pages = endpoints.MapGroup(site.Paths.Base);
        pages.MapGet("", (HttpContext http, DashboardServices services, CancellationToken cancellationToken) => DashboardPages.StrategyAsync(http, site, services, cancellationToken));
        pages.MapGet("/key-results/{id}", (HttpContext http, string id, DashboardServices services, CancellationToken cancellationToken) => DashboardPages.KeyResultAsync(http, id, site, services, cancellationToken));
        pages.MapGet("/orphans", (HttpContext http, DashboardServices services, CancellationToken cancellationToken) => DashboardPages.OrphansAsync(http, site, services, cancellationToken));
        pages.MapGet("/investment", (HttpContext http, DashboardServices services, CancellationToken cancellationToken) => DashboardPages.InvestmentAsync(http, site, services, cancellationToken));
        pages.MapGet("/findings", (HttpContext http, DashboardServices services, CancellationToken cancellationToken) => DashboardPages.FindingsAsync(http, site, services, cancellationToken));
        pages.MapGet("/assets/{name}", (HttpContext http, string name) => DashboardAssets.Serve(http, name));
        pages.MapGet("/sign-in", (HttpContext http) => SignIn.Form(http, site));
        pages.MapPost("/sign-in", (HttpContext http, CancellationToken cancellationToken) => SignIn.SubmitAsync(http, site, cancellationToken)).DisableAntiforgery();
        pages.MapPost("/sign-out", (HttpContext http) => SignIn.SignOut(http, site)).DisableAntiforgery();
        return site;
    }
}
