using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Rollup;
using OkrSync.Core.Work;

namespace OkrSync.Core.Reports;

/// <summary>Maps a <see cref="Report"/> onto the JSON contract.</summary>
public static class ReportContractMapper
{
    public static ReportDocument ToDocument(this Report report, bool includeWorkItems = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var keyResults = report.Rollup.KeyResults.Select(k => ToJson(k, report.Readings)).ToList();
        var keyResultsById = keyResults.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var bets = report.Rollup.Bets.Select(b => new BetJson(
            b.Bet.Id,
            b.Bet.Title,
            b.Bet.Owner,
            ToJson(b.Output),
            new BetOutcomeJson(b.OutcomeRatio),
            [.. b.Bet.NotDoing.Select(n => new NotDoingJson(n.Id, n.Title, n.Labels))],
            [.. b.KeyResults.Select(k => keyResultsById[k.KeyResult.Id])])).ToList();
        var s = report.Summary;
        return new ReportDocument(
            report.Strategy.Name,
            report.AsOf,
            new SummaryJson(s.Total, s.Aligned, s.Operational, s.Orphaned, s.Contradicting, s.OpenOrphaned, s.OpenNonOperational, s.OrphanRate),
            bets,
            keyResults,
            [.. report.Rollup.Initiatives.Select(ToJson)],
            includeWorkItems ? [.. report.Items.Select(ToJson)] : [],
            [.. report.Findings.Select(ToJson)])
        {
            StrategyCommit = report.Strategy.Commit,
        };
    }

    public static WorkItemJson ToJson(this ItemAlignment alignment)
    {
        var item = alignment.Item;
        return new WorkItemJson(
            item.Key,
            item.Source.Value,
            item.Container,
            item.Title,
            item.Url,
            item.Type,
            item.State.ToName(),
            alignment.Classification.ToName(),
            [.. alignment.InitiativeIds],
            [.. alignment.Contradicts.Select(n => n.Id)],
            item.Assignee,
            item.Labels,
            item.ParentKey,
            item.Estimate,
            item.Created,
            item.Updated,
            item.Closed);
    }

    public static FindingJson ToJson(this Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingJson(finding.Kind, finding.Subject, finding.Message, finding.BetId, finding.Url);
    }

    private static KeyResultJson ToJson(KeyResultRollup k, MetricReadings readings) => new(
        k.KeyResult.Id,
        k.BetId,
        k.KeyResult.Title,
        ToJson(k.Output),
        ToJson(k.Outcome, readings.For(k.KeyResult.Id)),
        [.. k.Initiatives.Select(i => i.Initiative.Id)]);

    private static InitiativeJson ToJson(InitiativeRollup i) => new(
        i.Initiative.Id,
        i.KeyResultId,
        i.BetId,
        i.Initiative.Title,
        i.Initiative.Owner,
        new CountsJson((int)i.Counts.Todo, (int)i.Counts.InProgress, (int)i.Counts.Done, (int)i.Counts.Cancelled),
        new PointsJson(i.Points.Todo, i.Points.InProgress, i.Points.Done, i.Points.Cancelled),
        i.Ratio,
        i.PointsRatio,
        i.LastActivity);

    /// <summary>The outcome with where its current value came from and when it was measured.</summary>
    public static OutcomeJson ToJson(Outcome o, MetricReading? reading) => new(o.Unit, o.Baseline, o.Target, o.Current, o.Ratio)
    {
        Source = reading?.Origin ?? (o.Current is null ? MetricOrigins.None : MetricOrigins.Yaml),
        MeasuredAt = reading?.MeasuredAt,
        Confidence = reading?.Confidence?.ToName(),
        Note = reading?.Note,
    };

    private static OutputJson ToJson(Output o) => new(o.Planned, o.Done, o.Ratio);
}
