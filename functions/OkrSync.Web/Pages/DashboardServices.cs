using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Web.Api;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>
/// What the pages read: the stored report (its numbers are the API's, and its work items the orphan list's), the live
/// report (its aligned items, for the key-result page only), the strategy (its thresholds), the weekly snapshots, the
/// poison queue, and the check-in log (through <see cref="IDashboardInputSource"/>). One per process: it keeps the
/// <see cref="ReportIndex"/> of the current stored report, so that what the pages look up in a report is worked out
/// once per report, not at every request.
/// </summary>
public sealed class DashboardServices(IReportStore reports, LiveReport live, StrategyProvider strategy, IEventQueue queue, IDashboardInputSource inputs)
{
    private readonly Lock indexing = new();
    private ReportIndex? index;

    public IReportStore Reports => reports;

    public LiveReport Live => live;

    public IDashboardInputSource Inputs => inputs;

    /// <summary>
    /// The index of <paramref name="report"/>: the one kept when it is of this very report (the stores hand back the
    /// same instance while the stored generation is unchanged), else built now and kept in its place. One at a time.
    /// </summary>
    public ReportIndex IndexOf(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Volatile.Read(ref index) is { } known && ReferenceEquals(known.Report, report))
        {
            return known;
        }
        lock (indexing)
        {
            if (index is { } again && ReferenceEquals(again.Report, report))
            {
                return again;
            }
            var built = ReportIndex.Of(report);
            Volatile.Write(ref index, built);
            return built;
        }
    }

    /// <summary>The poisoned events as findings (as <c>/api/findings</c> lists them after the report's).</summary>
    public async Task<FindingList> PoisonedAsync(CancellationToken cancellationToken)
    {
        var poisoned = await PoisonFindings.ReadAsync(queue, cancellationToken);
        return poisoned.Count == 0 ? FindingList.Empty : FindingList.Of(poisoned);
    }

    /// <summary>The strategy's <c>position-moved</c> threshold: the live report's when the page has it, else the strategy's now; null while the strategy cannot be read (the page still draws the stored report).</summary>
    public async Task<double?> PositionMovedAsync(Report? current, CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            return current.Strategy.Thresholds.PositionMoved;
        }
        try
        {
            return (await strategy.GetAsync(cancellationToken)).Strategy.Thresholds.PositionMoved;
        }
        catch (StrategyUnavailableException)
        {
            return null;
        }
    }

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
