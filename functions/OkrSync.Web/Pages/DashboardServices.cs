using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Web.Api;
using OkrSync.Web.Pages.Access;
using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages;

/// <summary>What the pages read: the stored report (its numbers are the API's), the live report (its items), the weekly snapshots, the poison queue and the inputs of issues 13 and 14.</summary>
public sealed class DashboardServices(IReportStore reports, LiveReport live, IEventQueue queue, IDashboardInputSource inputs)
{
    public IReportStore Reports => reports;

    public LiveReport Live => live;

    public IDashboardInputSource Inputs => inputs;

    public async Task<IReadOnlyList<FindingJson>> FindingsAsync(ReportDocument? report, CancellationToken cancellationToken) =>
        [.. report?.Findings ?? [], .. await PoisonFindings.ReadAsync(queue, cancellationToken)];

    /// <summary>The window's effort of <paramref name="report"/>, computed once per live report (the live report is replaced, not changed).</summary>
    public EffortMatrix EffortOf(Report? report)
    {
        if (report is null)
        {
            return new EffortMatrix(EffortFlows.ItemCountBasis, DateTimeOffset.MinValue, DateTimeOffset.MinValue, new Dictionary<(string, string), double>());
        }
        if (lastEffort is { } known && ReferenceEquals(known.Report, report))
        {
            return known.Effort;
        }
        var betOfInitiative = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bet in report.Strategy.Bets)
        {
            foreach (var initiative in bet.KeyResults.SelectMany(k => k.Initiatives))
            {
                betOfInitiative[initiative.Id] = bet.Id;
            }
        }
        var effort = EffortFlows.FromItemCounts(report.Items, betOfInitiative, report.AsOf);
        lastEffort = new ComputedEffort(report, effort);
        return effort;
    }

    private volatile ComputedEffort? lastEffort;

    private sealed record ComputedEffort(Report Report, EffortMatrix Effort);

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
    /// <summary>The pages' services: <see cref="DashboardServices"/> and, unless registered already, <see cref="NoDashboardInputs"/>.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardServices>();
        if (!services.Any(s => s.ServiceType == typeof(IDashboardInputSource)))
        {
            services.AddSingleton<IDashboardInputSource, NoDashboardInputs>();
        }
        return services;
    }
}
