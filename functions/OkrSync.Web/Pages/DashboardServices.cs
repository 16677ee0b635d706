using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Web.Api;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>What the pages read: the stored report (its numbers are the API's), the live report (its items), the weekly snapshots, the poison queue, and the check-in log (through <see cref="IDashboardInputSource"/>).</summary>
public sealed class DashboardServices(IReportStore reports, LiveReport live, IEventQueue queue, IDashboardInputSource inputs)
{
    public IReportStore Reports => reports;

    public LiveReport Live => live;

    public IDashboardInputSource Inputs => inputs;

    public async Task<IReadOnlyList<FindingJson>> FindingsAsync(ReportDocument? report, CancellationToken cancellationToken) =>
        [.. report?.Findings ?? [], .. await PoisonFindings.ReadAsync(queue, cancellationToken)];

    /// <summary>The window's effort: the stored report's <c>investment</c> (the same numbers as <c>/api/rollup</c>), or the live report's for an older stored one.</summary>
    public static EffortMatrix EffortOf(ReportDocument report, Report? live) => EffortFlows.FromInvestment(report, live);

    public async Task<IReadOnlyList<WeeklySnapshot>> SnapshotsAsync(CancellationToken cancellationToken)
    {
        var snapshots = new List<WeeklySnapshot>();
        await foreach (var snapshot in reports.ReadWeeklySnapshotsAsync(cancellationToken))
        {
            snapshots.Add(snapshot);
        }
        return snapshots;
    }
}

/// <summary>Where the pages are mounted and who may see them: one per host.</summary>
public sealed record DashboardSite(DashboardPaths Paths, IPageGate Gate);

public static class DashboardServiceCollection
{
    /// <summary>The pages' services: <see cref="DashboardServices"/> and <see cref="ReportDashboardInputs"/> (the report's bet signals, the check-in log).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardServices>();
        services.TryAddSingleton<IDashboardInputSource, ReportDashboardInputs>();
        return services;
    }
}
