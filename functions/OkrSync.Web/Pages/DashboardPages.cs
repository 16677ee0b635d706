using System.Globalization;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>
/// The dashboard's handlers, one per page, shared by <c>okrsync serve</c> (<see cref="DashboardEndpoints.MapDashboard"/>)
/// and the function app (one <c>[Function]</c> per page). Each answers HTML, or with <c>?format=json</c> the data it drew.
/// The numbers and the orphaned work come from the stored report (the same document as <c>/api/rollup</c>); only the
/// key-result page's open work comes from the live report's aligned items.
/// </summary>
public static class DashboardPages
{
    /// <summary>
    /// The strategy page (the landing page), from the stored report alone: its numbers, its investment, its findings and
    /// contradicting work (looked up in the report's <see cref="ReportIndex"/>), plus the check-ins. It never needs the
    /// live report's items, so a report stored by another writer costs one read of it, not a reload of every item.
    /// </summary>
    public static Task<IResult> StrategyAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, await services.PositionMovedAsync(live, cancellationToken), cancellationToken);
            var page = StrategyView.Build(services.IndexOf(report), DashboardServices.EffortOf(report, live), inputs);
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.StrategyPageJson)
                : PageResponses.Html(http, StrategyPage.Render(site.Paths, page, site.Gate.HasSignIn, JsonLink(http)));
        }, NeedsLiveForInvestment, cancellationToken);

    /// <summary>One key result: <c>{base}/key-results/{id}</c>. Its initiatives' open work comes from the live report's aligned items.</summary>
    public static Task<IResult> KeyResultAsync(HttpContext http, string id, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, await services.PositionMovedAsync(live, cancellationToken), cancellationToken);
            var snapshots = await services.SnapshotsAsync(cancellationToken);
            if (KeyResultView.Build(id, services.IndexOf(report), live?.Items ?? [], snapshots, inputs) is not { } page)
            {
                return PageResponses.Error(http, site.Paths, StatusCodes.Status404NotFound, "No such key result", $"the strategy has no key result '{id}'");
            }
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.KeyResultPageJson)
                : PageResponses.Html(http, KeyResultPage.Render(site.Paths, page, site.Gate.HasSignIn, JsonLink(http)));
        }, _ => true, cancellationToken);

    /// <summary>
    /// Orphaned work: <c>?container=</c>, <c>?assignee=</c> (<c>(unassigned)</c> for none), <c>?q=</c>, <c>?page=</c>;
    /// from the stored report's work items (every orphaned item), put in list order once per report.
    /// </summary>
    public static Task<IResult> OrphansAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, (report, _) =>
        {
            var query = http.Request.Query;
            if (!TryPage(query["page"], out var pageNumber, out var error))
            {
                return Task.FromResult(PageResponses.Error(http, site.Paths, StatusCodes.Status400BadRequest, "No such page", error));
            }
            var filter = new OrphanFilterJson(Value(query["container"]), Value(query["assignee"]), Value(query["q"]));
            var page = OrphanListView.Build(services.IndexOf(report).Orphans, report.AsOf, filter, pageNumber);
            return Task.FromResult(PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.OrphanPageJson)
                : PageResponses.Html(http, OrphansPage.Render(site.Paths, page, report.Strategy, site.Gate.HasSignIn, JsonLink(http))));
        }, _ => false, cancellationToken);

    /// <summary>Declared versus actual investment per bet, its weekly trend, and per container.</summary>
    public static Task<IResult> InvestmentAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default) =>
        Guarded(http, site, services, async (report, live) =>
        {
            var inputs = await services.Inputs.ReadAsync(report, await services.PositionMovedAsync(live, cancellationToken), cancellationToken);
            var page = InvestmentView.Build(report, DashboardServices.EffortOf(report, live), await services.SnapshotsAsync(cancellationToken), inputs);
            return PageResponses.WantsJson(http.Request)
                ? PageResponses.Json(http, page, DashboardJsonContext.Default.InvestmentPageJson)
                : PageResponses.Html(http, InvestmentPage.Render(site.Paths, page, report.Strategy, StrategyPage.TargetClasses(report.Bets.Select(b => b.Id)), site.Gate.HasSignIn, JsonLink(http)));
        }, NeedsLiveForInvestment, cancellationToken);

    /// <summary>Every finding (as <c>/api/findings</c>, poisoned events included), <c>?kind=</c> to filter, <c>?page=</c>, 100 a page.</summary>
    public static async Task<IResult> FindingsAsync(HttpContext http, DashboardSite site, DashboardServices services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(services);
        if (PageResponses.Refusal(http, site) is { } refused)
        {
            return refused;
        }
        if (!TryPage(http.Request.Query["page"], out var pageNumber, out var error))
        {
            return PageResponses.Error(http, site.Paths, StatusCodes.Status400BadRequest, "No such page", error);
        }
        var report = await services.Reports.ReadCurrentReportAsync(cancellationToken);
        var index = report is null ? null : services.IndexOf(report);
        var page = FindingsView.Build(report?.AsOf, index?.Findings ?? FindingList.Empty, await services.PoisonedAsync(cancellationToken), Value(http.Request.Query["kind"]), pageNumber);
        return PageResponses.WantsJson(http.Request)
            ? PageResponses.Json(http, page, DashboardJsonContext.Default.FindingsPageJson)
            : PageResponses.Html(http, FindingsPage.Render(site.Paths, page, index, report?.Strategy, site.Gate.HasSignIn, JsonLink(http)));
    }

    // The stored report's investment is what the pages draw; only a report stored before it existed needs the live one's.
    private static bool NeedsLiveForInvestment(ReportDocument report) => report.Investment is null;

    /// <summary>The <c>page</c> parameter: absent is page 1; otherwise a whole number from 1 (a page past the last shows the last).</summary>
    public static bool TryPage(Microsoft.Extensions.Primitives.StringValues value, out int page, out string error)
    {
        error = "";
        page = 1;
        if (value.ToString() is not { Length: > 0 } text)
        {
            return true;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page > 0)
        {
            return true;
        }
        page = 1;
        error = $"page must be a whole number from 1 up; got '{text}'";
        return false;
    }

    private static async Task<IResult> Guarded(HttpContext http, DashboardSite site, DashboardServices services, Func<ReportDocument, Report?, Task<IResult>> render, Func<ReportDocument, bool> needsLive, CancellationToken cancellationToken)
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
            var live = needsLive(report) ? await services.Live.CurrentAsync(cancellationToken) : null;
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
