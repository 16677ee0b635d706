using OkrSync.Core.Strategy;

namespace OkrSync.Core.Metrics;

/// <summary>
/// Something in the strategy that has a metric, and so takes check-ins and sources: a key result today, and a bet's
/// position signal alike. <see cref="Id"/> is its id in the strategy (ids are unique across the document);
/// <see cref="What"/> says what it is, for messages ("key result").
/// </summary>
public sealed record MeasuredMetric(string Id, string Title, string What, Metric Metric, string? BetId);

/// <summary>Every metric of a strategy, in strategy order: what check-ins may name and what sources are pulled for.</summary>
public static class MeasuredMetrics
{
    public const string KeyResult = "key result";

    public const string PositionSignal = "position signal";

    /// <summary>
    /// The key results with a metric and the bets' position signals: their ids take check-ins, sources and staleness alike.
    /// </summary>
    public static IReadOnlyList<MeasuredMetric> Of(StrategyDocument strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return
        [
            .. strategy.Bets.SelectMany(b => b.KeyResults.Where(k => k.Metric is not null).Select(k => new MeasuredMetric(k.Id, k.Title, KeyResult, k.Metric!, b.Id))),
            .. strategy.Bets.SelectMany(b => b.Position.Select(p => new MeasuredMetric(p.Id, p.Title, PositionSignal, p.Metric, b.Id))),
        ];
    }

    /// <summary>The metric with this id, or null (an id that names no metric, or a key result without one).</summary>
    public static MeasuredMetric? Find(StrategyDocument strategy, string id) =>
        Of(strategy).FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
}
