using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Core.Digest;

/// <summary>Builds the weekly digest from the stored report, the orphaned items and the snapshots. Pure and deterministic.</summary>
public static class WeeklyDigestBuilder
{
    /// <summary>The leadership digest: everything.</summary>
    public static WeeklyDigest Build(DigestInput input, DateTimeOffset asOf, DigestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Build(input, asOf, options ?? DigestOptions.Default, owner: null, _ => true, _ => true);
    }

    /// <summary>One owner's digest: only their part (see <see cref="OwnerScope"/>). <see cref="WeeklyDigest.IsEmpty"/> when they have none.</summary>
    public static WeeklyDigest BuildFor(DigestInput input, OwnerScope owner, DateTimeOffset asOf, DigestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(owner);
        return Build(
            input,
            asOf,
            options ?? DigestOptions.Default,
            owner.Address,
            item => OwnerScope.SameAddress(item.AssigneeEmail, owner.Address),
            finding => IsOwnersPart(finding, owner));
    }

    private static WeeklyDigest Build(DigestInput input, DateTimeOffset asOf, DigestOptions options, string? owner, Func<WorkItem, bool> ownsItem, Func<FindingJson, bool> ownsFinding)
    {
        var report = input.Report;
        var week = WeeklySnapshot.IsoWeekOf(asOf);
        var earlier = input.History.Where(s => string.CompareOrdinal(s.IsoWeek, week) < 0).OrderBy(s => s.IsoWeek, StringComparer.Ordinal).ToList();
        var findings = report.Findings.Where(ownsFinding).ToList();
        return new WeeklyDigest(
            report.Strategy,
            week,
            asOf,
            owner,
            Headline(report.Summary, earlier.LastOrDefault()),
            OrphanGrouping.Group(input.OrphanedItems.Where(ownsItem).ToList(), asOf, options),
            Section(findings, DigestSection.Contradictions),
            Section(findings, DigestSection.OutputsWithoutOutcome),
            Section(findings, DigestSection.NothingBehind),
            Section(findings, DigestSection.StaleInitiatives),
            Trend(report.Summary, week, earlier, options.TrendWeeks))
        {
            SyncProblems = Section(findings, DigestSection.SyncProblems),
            PositionNotMoving = Section(findings, DigestSection.PositionNotMoving),
            AllocationDrift = Section(findings, DigestSection.Investment),
            Investment = Investment(report),
            Unmeasured = Section(findings, DigestSection.Unmeasured),
            FlaggedKeyResults = KeyResultWeeks.For(findings, report, earlier, options.TrendWeeks),
        };
    }

    private static DigestInvestment? Investment(ReportDocument report)
    {
        if (report.Investment is not { } investment)
        {
            return null;
        }
        var shares = report.Bets
            .Select(b => (b.Id, Share: investment.Bets.GetValueOrDefault(b.Id)))
            .Where(b => b.Share is not null)
            .Select(b => new DigestShare(b.Id, b.Share!.Actual, b.Share.Declared, b.Share.Weight))
            .ToList();
        shares.Add(new DigestShare("operational", investment.Operational.Actual, investment.Operational.Declared, investment.Operational.Weight));
        shares.Add(new DigestShare("orphaned", investment.Orphaned.Actual, null, investment.Orphaned.Weight));
        shares.Add(new DigestShare("contradicting", investment.Contradicting.Actual, null, investment.Contradicting.Weight));
        return new DigestInvestment(investment.WindowDays, investment.To, investment.Unit, investment.Total, shares);
    }

    private static bool IsOwnersPart(FindingJson finding, OwnerScope owner) => finding.Kind switch
    {
        _ when finding.BetId is { } bet && owner.Bets.Contains(bet) => true,
        FindingKinds.StaleInitiative => owner.Initiatives.Contains(finding.Subject),
        FindingKinds.OutputsWithoutOutcome or FindingKinds.UnbackedKeyResult or FindingKinds.OutcomeUnmeasured or FindingKinds.MetricSourceFailed => owner.KeyResults.Contains(finding.Subject),
        _ => false,
    };

    private static DigestHeadline Headline(SummaryJson summary, WeeklySnapshot? previous)
    {
        var change = previous is null
            ? null
            : new WeekChange(previous.IsoWeek, summary.OpenOrphaned - previous.Summary.OpenOrphaned, Math.Round((summary.OrphanRate - previous.Summary.OrphanRate) * 100, 1));
        return new DigestHeadline(summary.OpenOrphaned, summary.OpenNonOperational, summary.OrphanRate, change);
    }

    /// <summary>The findings whose kind's row (<see cref="FindingKinds.Describe"/>) puts them in <paramref name="section"/>.</summary>
    private static List<DigestFinding> Section(IEnumerable<FindingJson> findings, DigestSection section) =>
        [.. findings.Where(f => FindingKinds.Describe(f.Kind).Section == section).Select(f => new DigestFinding(f.Kind, f.Subject, f.Message, f.Url))];

    private static List<TrendPoint> Trend(SummaryJson current, string week, List<WeeklySnapshot> earlier, int weeks)
    {
        var points = earlier.TakeLast(Math.Max(0, weeks - 1)).Select(s => new TrendPoint(s.IsoWeek, s.Summary.OpenOrphaned, s.Summary.OrphanRate)).ToList();
        points.Add(new TrendPoint(week, current.OpenOrphaned, current.OrphanRate));
        return points;
    }
}
