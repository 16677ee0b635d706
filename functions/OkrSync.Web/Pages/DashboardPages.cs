using System.Globalization;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>
/// The dashboard's handlers, one per page, shared by <c>okrsync serve</c> (<see cref="DashboardEndpoints.MapDashboard"/>)
/// and the function app (one <c>[Function]</c> per page). Each answers HTML, or with <c>?format=json</c> the data it drew.
/// The numbers come from the stored report (the same document as <c>/api/rollup</c>); the items from the live report.
/// </summary>
public static class DashboardPages
{
    /// <summary>The strategy page (the landing page).</summary>
    public static Task<IResult> StrategyAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, live, cancellationToken);
            var page = StrategyView.Build(report, DashboardServices.EffortOf(report, live), inputs);
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.StrategyPageJson)
                : PageResponses.Html(http, StrategyPage.Render(site.Paths, page, site.Gate.HasSignIn, JsonLink(http)));
        }, needsItems: true, cancellationToken);

    /// <summary>One key result: <c>{base}/key-results/{id}</c>.</summary>
    public static Task<IResult> KeyResultAsync(HttpContext http, string id, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, live, cancellationToken);
            var snapshots = await services.SnapshotsAsync(cancellationToken);
            if (KeyResultView.Build(id, report, live?.Items ?? [], snapshots, inputs) is not { } page)
            {
                return PageResponses.Error(http, site.Paths, StatusCodes.Status404NotFound, "No such key result", $"the strategy has no key result '{id}'");
            }
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.KeyResultPageJson)
                : PageResponses.Html(http, KeyResultPage.Render(site.Paths, page, site.Gate.HasSignIn, JsonLink(http)));
        }, needsItems: true, cancellationToken);

    /// <summary>Orphaned work: <c>?container=</c>, <c>?assignee=</c> (<c>(unassigned)</c> for none), <c>?q=</c>, <c>?page=</c>.</summary>
    public static Task<IResult> OrphansAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, (report, live) =>
        {
            var query = http.Request.Query;
            var filter = new OrphanFilterJson(Value(query["container"]), Value(query["assignee"]), Value(query["q"]));
            var pageNumber = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
            var page = OrphanListView.Build(live?.Items ?? [], live?.AsOf ?? report.AsOf, filter, pageNumber);
            return Task.FromResult(PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.OrphanPageJson)
                : PageResponses.Html(http, OrphansPage.Render(site.Paths, page, report.Strategy, site.Gate.HasSignIn, JsonLink(http))));
        }, needsItems: true, cancellationToken);

    /// <summary>Declared versus actual investment per bet, its weekly trend, and per container.</summary>
    public static Task<IResult> InvestmentAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, live, cancellationToken);
            var page = InvestmentView.Build(report, DashboardServices.EffortOf(report, live), await services.SnapshotsAsync(cancellationToken), inputs);
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.InvestmentPageJson)
                : PageResponses.Html(http, InvestmentPage.Render(site.Paths, page, report.Strategy, StrategyPage.TargetClasses(report.Bets.Select(b => b.Id)), site.Gate.HasSignIn, JsonLink(http)));
        }, needsItems: true, cancellationToken);

    /// <summary>Every finding (as <c>/api/findings</c>, poisoned events included), <c>?kind=</c> to filter.</summary>
    public static async Task<IResult> FindingsAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(services);
        if (PageResponses.Refusal(http, site) is { } refused)
        {
            return refused;
        }
        var report = await services.Reports.ReadCurrentReportAsync(cancellationToken);
        var page = FindingsView.Build(report?.AsOf, await services.FindingsAsync(report, cancellationToken), Value(http.Request.Query["kind"]));
        return PageResponses.WantsJson(http.Request)
            ? PageResponses.Json(http, page, DashboardJsonContext.Default.FindingsPageJson)
            : PageResponses.Html(http, FindingsPage.Render(site.Paths, page, report, report?.Strategy, site.Gate.HasSignIn, JsonLink(http)));
    }

    private static async Task<IResult> Guarded(HttpContext http, DashboardSite site, DashboardServices services, Func<ReportDocument, Report?, Task<IResult>> render, bool needsItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(services);
        if (PageResponses.Refusal(http, site) is { } refused)
        {
            return refused;
        }
        try
        {
            if (await services.Reports.ReadCurrentReportAsync(cancellationToken) is not { } report)
            {
                return PageResponses.Error(http, site.Paths, StatusCodes.Status404NotFound, "No report yet", "no report yet: the first sync has not run");
            }
            var live = needsItems ? await services.Live.CurrentAsync(cancellationToken) : null;
            return await render(report, live);
        }
        catch (StrategyUnavailableException e)
        {
            return PageResponses.Error(http, site.Paths, StatusCodes.Status503ServiceUnavailable, "Strategy unavailable", e.Message);
        }
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static string JsonLink(HttpContext http) =>
        PageLayout.JsonLinkOf(http.Request.PathBase + http.Request.Path, http.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
}
