using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;

namespace OkrSync.Web.Api;

/// <summary><c>/api/strategy</c>: the strategy file as loaded (bets, not-doing, key results with metrics, initiatives with match rules).</summary>
internal sealed record StrategyJson(string Name, OperationalRulesJson Operational, string InitiativeLabelPrefix, IReadOnlyList<StrategyBetJson> Bets)
{
    public static StrategyJson From(StrategyDocument strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new StrategyJson(
            strategy.Name,
            new OperationalRulesJson(strategy.Operational.Labels, strategy.Operational.IssueTypes) { Allocation = strategy.Operational.Allocation },
            strategy.Conventions.InitiativeLabelPrefix,
            [.. strategy.Bets.Select(b => new StrategyBetJson(
                b.Id, b.Title, b.Why, b.Owner,
                [.. b.NotDoing.Select(n => new NotDoingJson(n.Id, n.Title, n.Labels))],
                [.. b.KeyResults.Select(k => new StrategyKeyResultJson(
                    k.Id, k.Title,
                    k.Metric is { } m ? new MetricJson(m.Unit, m.Baseline, m.Target, m.Current) : null,
                    [.. k.Initiatives.Select(i => new StrategyInitiativeJson(i.Id, i.Title, i.Owner,
                        new MatchJson(i.Match.Labels, i.Match.Parents, i.Match.Milestones, i.Match.Components)))]))])
            {
                Position = [.. b.Position.Select(p => new StrategyPositionJson(p.Id, p.Title, new MetricJson(p.Metric.Unit, p.Metric.Baseline, p.Metric.Target, p.Metric.Current)))],
                Allocation = b.Allocation,
            })]);
    }
}

internal sealed record OperationalRulesJson(IReadOnlyList<string> Labels, IReadOnlyList<string> IssueTypes)
{
    /// <summary>The declared share of delivery, a ratio in [0, 1]; null when not declared.</summary>
    public double? Allocation { get; init; }
}

internal sealed record StrategyBetJson(string Id, string Title, string? Why, string? Owner, IReadOnlyList<NotDoingJson> NotDoing, IReadOnlyList<StrategyKeyResultJson> KeyResults)
{
    /// <summary>The bet's position signals (what winning it looks like, above its key results); empty when it names none.</summary>
    public IReadOnlyList<StrategyPositionJson> Position { get; init; } = [];

    /// <summary>The declared share of delivery, a ratio in [0, 1]; null when not declared.</summary>
    public double? Allocation { get; init; }
}

internal sealed record StrategyPositionJson(string Id, string Title, MetricJson Metric);

internal sealed record StrategyKeyResultJson(string Id, string Title, MetricJson? Metric, IReadOnlyList<StrategyInitiativeJson> Initiatives);

internal sealed record MetricJson(string? Unit, double? Baseline, double? Target, double? Current);

internal sealed record StrategyInitiativeJson(string Id, string Title, string? Owner, MatchJson Match);

internal sealed record MatchJson(IReadOnlyList<string> Labels, IReadOnlyList<string> Parents, IReadOnlyList<string> Milestones, IReadOnlyList<string> Components);

/// <summary>
/// <c>/api/health</c>: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c> with the reasons (one line each, starting with
/// what it is about), storage, queue and strategy status, the state of each configured source, and the warnings about
/// webhook trust (an endpoint that refuses everything for want of a secret, or accepts unsigned deliveries by opt-in).
/// </summary>
internal sealed record HealthJson(string Status, IReadOnlyList<string> Reasons, ComponentJson Storage, ComponentJson Queue, ComponentJson Strategy, DateTimeOffset? ReportAsOf, IReadOnlyList<SourceHealthJson> Sources, IReadOnlyList<string> Warnings);

internal sealed record ComponentJson(bool Ok, string? Error);

/// <summary>
/// One source: <c>ok</c>, <c>never-synced</c>, <c>failed</c> (its last sync; <see cref="Error"/> says why) or
/// <c>reconcile-held</c>; when its cursor was last written by a successful sync, and where it stands.
/// </summary>
internal sealed record SourceHealthJson(string Id, string Status, DateTimeOffset? LastSuccessfulSync, string? Position, string? Error);

/// <summary>An API error: <c>{"error": "..."}</c>.</summary>
internal sealed record ApiError(string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StrategyJson))]
[JsonSerializable(typeof(HealthJson))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
