using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Investment;
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
        var investment = report.Investment is { } balance ? ToJson(balance, report.Strategy) : null;
        var bets = report.Rollup.Bets.Select(b => new BetJson(
            b.Bet.Id,
            b.Bet.Title,
            b.Bet.Owner,
            ToJson(b.Output),
            new BetOutcomeJson(b.OutcomeRatio),
            [.. b.Bet.NotDoing.Select(n => new NotDoingJson(n.Id, n.Title, n.Labels))],
            [.. b.KeyResults.Select(k => keyResultsById[k.KeyResult.Id])])
        {
            Position = [.. b.Bet.Position.Select(p => new PositionSignalJson(p.Id, p.Title, new PositionMetricJson(p.Metric.Unit, p.Metric.Baseline, p.Metric.Target, p.Metric.Current), p.Metric.Progress))],
            PositionRatio = b.Bet.PositionRatio,
            Allocation = investment?.Bets.GetValueOrDefault(b.Bet.Id) ?? new AllocationJson(b.Bet.Allocation, null, 0),
        }).ToList();
        var s = report.Summary;
        return new ReportDocument(
            report.Strategy.Name,
            report.AsOf,
            new SummaryJson(s.Total, s.Aligned, s.Operational, s.Orphaned, s.Contradicting, s.OpenOrphaned, s.OpenNonOperational, s.OrphanRate),
            bets,
            keyResults,
            [.. report.Rollup.Initiatives.Select(ToJson)],
            includeWorkItems ? [.. report.Items.Select(ToJson)] : [],
            report.Stored?.Findings ?? [.. report.Findings.Select(ToJson)])
        {
            Investment = investment,
            StrategyCommit = report.Strategy.Commit,
        };
    }

    /// <summary>The investment balance in the contract: shares with the declared ones where the strategy has them.</summary>
    public static InvestmentJson ToJson(this InvestmentBalance balance, Strategy.StrategyDocument strategy)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(strategy);
        var overall = balance.Overall;
        return new InvestmentJson(
            balance.WindowDays,
            balance.From,
            balance.To,
            balance.Unit,
            Round(overall.Total),
            balance.Items,
            balance.Estimated,
            Bets(overall, strategy, declared: true),
            Share(overall, overall.Operational, strategy.Operational.Allocation),
            Share(overall, overall.Orphaned, null),
            Share(overall, overall.Contradicting, null),
            [.. balance.ByContainer.Select(s => Slice(s, strategy))],
            [.. balance.ByAssignee.Select(s => Slice(s, strategy))]);
    }

    private static InvestmentSliceJson Slice(InvestmentSlice slice, Strategy.StrategyDocument strategy) => new(
        slice.Name,
        Round(slice.Total),
        Bets(slice, strategy, declared: false),
        Share(slice, slice.Operational, null),
        Share(slice, slice.Orphaned, null),
        Share(slice, slice.Contradicting, null));

    private static Dictionary<string, AllocationJson> Bets(InvestmentSlice slice, Strategy.StrategyDocument strategy, bool declared)
    {
        var bets = new Dictionary<string, AllocationJson>(strategy.Bets.Count, StringComparer.Ordinal);
        for (var b = 0; b < strategy.Bets.Count && b < slice.Bets.Count; b++)
        {
            bets[strategy.Bets[b].Id] = Share(slice, slice.Bets[b], declared ? strategy.Bets[b].Allocation : null);
        }
        return bets;
    }

    private static AllocationJson Share(InvestmentSlice slice, double weight, double? declared) =>
        new(declared, slice.Share(weight) is { } actual ? Math.Round(actual, 4) : null, Round(weight));

    // Weights split between bets are thirds and sixths: three decimals keep the contract readable and sums exact enough.
    private static double Round(double weight) => Math.Round(weight, 3);

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
            item.Closed,
            [.. alignment.KeyResultIds],
            [.. alignment.BetIds]);
    }

    public static FindingJson ToJson(this Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingJson(finding.Kind, finding.Subject, finding.Message, finding.BetId, finding.Url, finding.KeyResultId, finding.InitiativeId);
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
