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
    private readonly Lazy<Dictionary<string, List<string>>> flags;
    private readonly Lazy<Dictionary<string, InitiativeJson>> initiatives;
    private readonly Lazy<Dictionary<string, IReadOnlyList<WorkItemJson>>> contradicting;
    private readonly Lazy<Dictionary<string, int>> findingCounts;
    private readonly Lazy<FindingList> findings;
    private readonly Lazy<OrphanList> orphans;
    private readonly Lazy<(HashSet<string> KeyResults, HashSet<string> Bets)> subjects;

    // Each part is worked out when a page first needs it, once: the strategy page never sorts the orphans, the orphan
    // list never groups the findings.
    private ReportIndex(ReportDocument report)
    {
        Report = report;
        flags = new(() => StrategyView.FlagsBySubject(report.Findings));
        initiatives = new(() => report.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal));
        contradicting = new(() =>
        {
            var against = Classification.Contradicting.ToName();
            return report.WorkItems
                .Where(w => w.Classification == against)
                .SelectMany(w => w.Contradicts.Distinct(StringComparer.Ordinal).Select(notDoing => (notDoing, w)))
                .GroupBy(p => p.notDoing, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<WorkItemJson>)[.. g.Select(p => p.w).OrderBy(w => w.Created)], StringComparer.Ordinal);
        });
        findingCounts = new(() =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var finding in report.Findings)
            {
                counts[finding.Kind] = counts.GetValueOrDefault(finding.Kind) + 1;
            }
            return counts;
        });
        findings = new(() => FindingList.Of(report.Findings));
        orphans = new(() => OrphanList.Of(report.WorkItems));
        subjects = new(() => (report.KeyResults.Select(k => k.Id).ToHashSet(StringComparer.Ordinal), report.Bets.Select(b => b.Id).ToHashSet(StringComparer.Ordinal)));
    }

    public static ReportIndex Of(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report);
    }

    public ReportDocument Report { get; }

    /// <summary>The node flags (finding kinds) raised on each strategy id: see <see cref="StrategyView.FlagsBySubject"/>.</summary>
    public IReadOnlyDictionary<string, List<string>> Flags => flags.Value;

    public IReadOnlyDictionary<string, InitiativeJson> Initiatives => initiatives.Value;

    /// <summary>How many findings the report has of each kind.</summary>
    public IReadOnlyDictionary<string, int> FindingCounts => findingCounts.Value;

    /// <summary>The report's findings, in page order.</summary>
    public FindingList Findings => findings.Value;

    /// <summary>The report's open orphaned work, in list order.</summary>
    public OrphanList Orphans => orphans.Value;

    /// <summary>The work that contradicts the "not doing" <paramref name="notDoingId"/>, oldest first.</summary>
    public IReadOnlyList<WorkItemJson> ContradictingOf(string notDoingId) => contradicting.Value.GetValueOrDefault(notDoingId) ?? None;

    public bool IsKeyResult(string id) => subjects.Value.KeyResults.Contains(id);

    public bool IsBet(string id) => subjects.Value.Bets.Contains(id);

    public bool IsInitiative(string id) => Initiatives.ContainsKey(id);
}
