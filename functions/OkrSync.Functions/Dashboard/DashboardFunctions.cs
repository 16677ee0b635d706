using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OkrSync.Web.Pages;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;

namespace OkrSync.Functions.Dashboard;

/// <summary>
/// The dashboard's pages at <c>/api/dashboard/...</c>. Anonymous to the Functions host: App Service Authentication
/// (Microsoft Entra ID, see bicep/modules/auth.bicep) signs people in before a request arrives, and
/// <see cref="EasyAuthPageGate"/> refuses pages when it is not in front.
/// </summary>
public sealed class DashboardFunctions(DashboardServices services, IConfiguration configuration)
{
    private readonly DashboardSite site = new(DashboardPaths.FunctionApp, new EasyAuthPageGate(configuration));

    [Function("DashboardStrategy")]
    public Task<IResult> StrategyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request, CancellationToken cancellationToken)
        => DashboardPages.StrategyAsync(request?.HttpContext!, site, services, cancellationToken);

    [Function("DashboardKeyResult")]
    public Task<IResult> KeyResultAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/key-results/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
        => DashboardPages.KeyResultAsync(request?.HttpContext!, id, site, services, cancellationToken);

    [Function("DashboardOrphans")]
    public Task<IResult> OrphansAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/orphans")] HttpRequest request, CancellationToken cancellationToken)
        => DashboardPages.OrphansAsync(request?.HttpContext!, site, services, cancellationToken);

    [Function("DashboardInvestment")]
    public Task<IResult> InvestmentAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/investment")] HttpRequest request, CancellationToken cancellationToken)
        => DashboardPages.InvestmentAsync(request?.HttpContext!, site, services, cancellationToken);

    [Function("DashboardFindings")]
    public Task<IResult> FindingsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/findings")] HttpRequest request, CancellationToken cancellationToken)
        => DashboardPages.FindingsAsync(request?.HttpContext!, site, services, cancellationToken);

    [Function("DashboardAsset")]
    public IResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/assets/{name}")] HttpRequest request, string name)
        => DashboardAssets.Serve(request?.HttpContext!, name);
}
