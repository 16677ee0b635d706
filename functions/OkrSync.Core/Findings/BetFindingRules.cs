using System.Globalization;
using OkrSync.Core.Investment;
using OkrSync.Core.Rollup;
using OkrSync.Core.Strategy;

namespace OkrSync.Core.Findings;

/// <summary>
/// Findings about a bet as a whole: green key results under a position that does not move
/// (<see cref="FindingKinds.GreenKeyResultsFlatPosition"/>), and delivery off its declared share
/// (<see cref="FindingKinds.AllocationDrift"/>). Pure and deterministic.
/// </summary>
public static class BetFindingRules
{
    // Ratios and shares come from decimal figures in a YAML file; compare them with binary rounding allowed for, so
    // that 30% declared against 20% actual is a drift of exactly 10 points.
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<Finding> Evaluate(StrategyDocument strategy, StrategyRollup rollup, InvestmentBalance? investment)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(rollup);
        var thresholds = strategy.Thresholds;
        var findings = new List<Finding>();
        foreach (var bet in rollup.Bets)
        {
            if (FlatPosition(bet, thresholds) is { } flat)
            {
                findings.Add(flat);
            }
        }
        if (investment is not null)
        {
            Drifts(strategy, investment, thresholds, findings);
        }
        return findings;
    }

    /// <summary>The finding when the bet's key results are green and its position is flat; null otherwise, or when either cannot be measured.</summary>
    public static Finding? FlatPosition(BetRollup bet, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(bet);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (bet.Bet.PositionRatio is not { } position || position >= thresholds.PositionMoved - Tolerance)
        {
            return null;
        }
        var measured = bet.KeyResults.Where(k => k.Outcome.Ratio.HasValue).ToList();
        var green = measured.Where(k => k.Outcome.Ratio!.Value >= thresholds.KeyResultsGreen - Tolerance).ToList();
        if (measured.Count == 0 || green.Count < thresholds.KeyResultsGreen * measured.Count - Tolerance)
        {
            return null;
        }
        var krs = string.Join(", ", green.Select(k => $"'{k.KeyResult.Id}' {Percent(k.Outcome.Ratio!.Value)}"));
        var measuredSignals = bet.Bet.Position.Where(s => s.Metric.Progress.HasValue).ToList();
        var signals = string.Join("; ", measuredSignals.Select(s =>
            $"'{s.Title}' {Value(s.Metric.Baseline)} → {Value(s.Metric.Current)}, target {Value(s.Metric.Target)}{Unit(s.Metric.Unit)}"
            + (measuredSignals.Count > 1 ? $", {Percent(s.Metric.Progress!.Value)}" : "")));
        return new Finding(
            FindingKinds.GreenKeyResultsFlatPosition,
            bet.Bet.Id,
            $"Bet '{bet.Bet.Title}' has {green.Count} of {measured.Count} key results with a metric green ({krs}) but its position has moved only {Percent(position)} of the way ({signals}): the key results may be measuring the wrong thing.")
        { BetId = bet.Bet.Id };
    }

    private static void Drifts(StrategyDocument strategy, InvestmentBalance investment, Thresholds thresholds, List<Finding> findings)
    {
        var overall = investment.Overall;
        if (overall.Total <= 0)
        {
            return; // nothing was worked in the window: there is no balance to compare with
        }
        for (var b = 0; b < strategy.Bets.Count; b++)
        {
            var bet = strategy.Bets[b];
            if (bet.Allocation is { } declared && Drift(declared, overall.Bets[b], investment, thresholds) is { } sentence)
            {
                findings.Add(new Finding(FindingKinds.AllocationDrift, bet.Id, $"Bet '{bet.Title}' {sentence}") { BetId = bet.Id });
            }
        }
        if (strategy.Operational.Allocation is { } operational && Drift(operational, overall.Operational, investment, thresholds) is { } text)
        {
            findings.Add(new Finding(FindingKinds.AllocationDrift, "operational", $"Operational work {text}"));
        }
    }

    private static string? Drift(double declared, double weight, InvestmentBalance investment, Thresholds thresholds)
    {
        var actual = weight / investment.Total;
        if (Math.Abs(actual - declared) < thresholds.AllocationDrift - Tolerance)
        {
            return null;
        }
        var to = investment.To.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"was to get {Percent(declared)} of delivery; it got {Percent(actual)} over the {investment.WindowDays} days to {to} ({Weight(weight)} of {Weight(investment.Total)} {investment.Unit}).");
    }

    /// <summary>A weight as people read it: whole when it is, else with one decimal (an item split between two bets is half of one).</summary>
    public static string Weight(double weight) => weight.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static string Unit(string? unit) => string.IsNullOrEmpty(unit) ? "" : unit.Length > 1 ? " " + unit : unit;

    private static string Value(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
