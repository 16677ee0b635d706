using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Rollup;

/// <summary>Rolls aligned work up to initiatives, key results and bets. Pure, one pass over the items.</summary>
public static class Rollups
{
    /// <summary>Rolls up; each key result's current value is its reading in <paramref name="readings"/> (default: the file's).</summary>
    public static StrategyRollup Compute(StrategyIndex index, IReadOnlyList<ItemAlignment> alignments, MetricReadings? readings = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(alignments);
        var counts = new StateCounts[index.Initiatives.Length];
        var points = new StateCounts[index.Initiatives.Length];
        var estimated = new bool[index.Initiatives.Length];
        var lastActivity = new DateTimeOffset?[index.Initiatives.Length];
        var krPlanned = new int[index.KeyResults.Length];
        var krDone = new int[index.KeyResults.Length];
        var betPlanned = new int[index.Bets.Length];
        var betDone = new int[index.Bets.Length];
        var seenKr = new List<int>(4);
        var seenBet = new List<int>(4);

        for (var a = 0; a < alignments.Count; a++)
        {
            var alignment = alignments[a];
            var initiatives = alignment.InitiativeIndexes;
            if (initiatives.Length == 0)
            {
                continue;
            }
            var item = alignment.Item;
            var planned = item.State.IsPlanned();
            var done = item.State == StateCategory.Done;
            seenKr.Clear();
            seenBet.Clear();
            foreach (var i in initiatives)
            {
                counts[i] = counts[i].Add(item.State, 1);
                if (item.Estimate is { } estimate)
                {
                    points[i] = points[i].Add(item.State, estimate);
                    estimated[i] = true;
                }
                if (lastActivity[i] is not { } last || item.Updated > last)
                {
                    lastActivity[i] = item.Updated;
                }
                var kr = index.KeyResultOfInitiative[i];
                var bet = index.BetOfKeyResult[kr];
                if (planned && !seenKr.Contains(kr))
                {
                    seenKr.Add(kr);
                    krPlanned[kr]++;
                    krDone[kr] += done ? 1 : 0;
                }
                if (planned && !seenBet.Contains(bet))
                {
                    seenBet.Add(bet);
                    betPlanned[bet]++;
                    betDone[bet] += done ? 1 : 0;
                }
            }
        }

        return Assemble(
            index,
            (i, initiative, keyResultId, betId) => new InitiativeRollup(initiative, keyResultId, betId, counts[i], points[i], estimated[i], lastActivity[i]),
            krPlanned, krDone, betPlanned, betDone, readings);
    }

    /// <summary>
    /// Bets → key results → initiatives in strategy order from per-node counts (indexed as <see cref="StrategyIndex"/>
    /// numbers them), for the full build and the incremental counters alike; <paramref name="initiativeAt"/> makes the
    /// rollup of the initiative numbered i.
    /// </summary>
    internal static StrategyRollup Assemble(
        StrategyIndex index,
        Func<int, Initiative, string, string, InitiativeRollup> initiativeAt,
        int[] krPlanned,
        int[] krDone,
        int[] betPlanned,
        int[] betDone,
        MetricReadings? readings)
    {
        var initiativeIndex = 0;
        var krIndex = 0;
        var bets = new List<BetRollup>(index.Bets.Length);
        for (var b = 0; b < index.Bets.Length; b++)
        {
            var bet = index.Bets[b];
            var keyResults = new List<KeyResultRollup>(bet.KeyResults.Count);
            foreach (var keyResult in bet.KeyResults)
            {
                var initiatives = new List<InitiativeRollup>(keyResult.Initiatives.Count);
                foreach (var initiative in keyResult.Initiatives)
                {
                    initiatives.Add(initiativeAt(initiativeIndex++, initiative, keyResult.Id, bet.Id));
                }
                keyResults.Add(new KeyResultRollup(keyResult, bet.Id, new Output(krPlanned[krIndex], krDone[krIndex]), OutcomeOf(keyResult, readings), initiatives));
                krIndex++;
            }
            bets.Add(BetOf(bet, new Output(betPlanned[b], betDone[b]), keyResults, readings));
        }
        return new StrategyRollup(bets);
    }

    /// <summary>A key result's outcome, with its current value from <paramref name="readings"/> (the file's when null).</summary>
    internal static Outcome OutcomeOf(KeyResult keyResult, MetricReadings? readings)
    {
        var metric = keyResult.Metric is { } declared && readings is not null
            ? declared with { Current = readings.ValueOf(keyResult.Id, declared.Current) }
            : keyResult.Metric;
        return new Outcome(metric?.Unit, metric?.Baseline, metric?.Target, metric?.Current, metric?.Progress);
    }

    /// <summary>A bet's rollup from its key results' rollups, its position signals measured by <paramref name="readings"/>.</summary>
    internal static BetRollup BetOf(Bet bet, Output output, IReadOnlyList<KeyResultRollup> keyResults, MetricReadings? readings)
    {
        var outcomes = keyResults.Where(k => k.Outcome.Ratio.HasValue).Select(k => k.Outcome.Ratio!.Value).ToList();
        // A position signal's current value is its reading too (a check-in or a source), so the bet's position ratio moves with it.
        var measured = readings is null || bet.Position.Count == 0
            ? bet
            : bet with { Position = [.. bet.Position.Select(p => p with { Metric = p.Metric with { Current = readings.ValueOf(p.Id, p.Metric.Current) } })] };
        return new BetRollup(measured, output, outcomes.Count == 0 ? null : outcomes.Average(), keyResults);
    }
}
