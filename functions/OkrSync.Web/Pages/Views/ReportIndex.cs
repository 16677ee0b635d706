using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// What the pages look up in one stored report, worked out once per report rather than at every request: the flags on
/// each strategy id, the contradicting work under each "not doing" (oldest first), the findings in page order with their
/// counts, and the open orphaned work in list order with its facets. It holds references into the report, never a copy
/// of its items; <see cref="DashboardServices.IndexOf"/> keeps the current report's and replaces it when a new one is stored.
/// </summary>
public sealed class ReportIndex
{
    private static readonly IReadOnlyList<WorkItemJson> None = [];
    private readonly Dictionary<string, IReadOnlyList<WorkItemJson>> contradicting;
    private readonly HashSet<string> keyResults;
    private readonly HashSet<string> bets;

    private ReportIndex(ReportDocument report)
    {
        Report = report;
        Flags = StrategyView.FlagsBySubject(report.Findings);
        Initiatives = report.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var against = Classification.Contradicting.ToName();
        contradicting = report.WorkItems
            .Where(w => w.Classification == against)
            .SelectMany(w => w.Contradicts.Distinct(StringComparer.Ordinal).Select(notDoing => (notDoing, w)))
            .GroupBy(p => p.notDoing, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<WorkItemJson>)[.. g.Select(p => p.w).OrderBy(w => w.Created)], StringComparer.Ordinal);
        Findings = FindingList.Of(report.Findings);
        Orphans = OrphanList.Of(report.WorkItems);
        keyResults = report.KeyResults.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        bets = report.Bets.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
    }

    public static ReportIndex Of(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report);
    }

    public ReportDocument Report { get; }

    /// <summary>The node flags (finding kinds) raised on each strategy id: see <see cref="StrategyView.FlagsBySubject"/>.</summary>
    public IReadOnlyDictionary<string, List<string>> Flags { get; }

    public IReadOnlyDictionary<string, InitiativeJson> Initiatives { get; }

    /// <summary>The report's findings, in page order.</summary>
    public FindingList Findings { get; }

    /// <summary>The report's open orphaned work, in list order.</summary>
    public OrphanList Orphans { get; }

    /// <summary>The work that contradicts the "not doing" <paramref name="notDoingId"/>, oldest first.</summary>
    public IReadOnlyList<WorkItemJson> ContradictingOf(string notDoingId) => contradicting.GetValueOrDefault(notDoingId) ?? None;

    public bool IsKeyResult(string id) => keyResults.Contains(id);

    public bool IsBet(string id) => bets.Contains(id);

    public bool IsInitiative(string id) => Initiatives.ContainsKey(id);
}
