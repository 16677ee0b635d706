using System.Globalization;
using OkrSync.Core.Alignment;
using OkrSync.Core.Rollup;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Findings;

/// <summary>Names what is off, from the alignment and the rollup, as of a given instant. Pure and deterministic.</summary>
public static class FindingRules
{
    public static IReadOnlyList<Finding> Evaluate(IReadOnlyList<ItemAlignment> alignments, StrategyRollup rollup, Thresholds thresholds, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(thresholds);
        var findings = new List<Finding>();
        foreach (var alignment in alignments)
        {
            if (alignment.Classification == Classification.Contradicting && ForItem(alignment) is { } contradiction)
            {
                findings.Add(contradiction);
            }
        }
        ForStrategy(rollup, thresholds, asOf, findings);
        foreach (var alignment in alignments)
        {
            if (alignment.Classification == Classification.Orphaned && ForItem(alignment) is { } orphaned)
            {
                findings.Add(orphaned);
            }
        }
        return findings;
    }

    /// <summary>
    /// What one item says on its own: work on a "not doing" (unless cancelled), or open work that serves no bet. Depends
    /// on the item and its alignment alone, so a report kept up to date change by change makes it once per item version.
    /// In <see cref="Evaluate"/>, the contradictions come first and the orphaned work last.
    /// </summary>
    public static Finding? ForItem(ItemAlignment alignment)
    {
        var item = alignment.Item;
        switch (alignment.Classification)
        {
            case Classification.Contradicting when item.State != StateCategory.Cancelled:
                return Contradiction(alignment);
            case Classification.Orphaned when item.State.IsOpen():
                var owner = item.Assignee is null ? "unassigned" : $"assigned to {item.Assignee}";
                return new Finding(FindingKinds.OrphanedWork, item.Key, $"Open work '{item.Title}' in {item.Container} ({owner}) serves no bet and is not declared operational.") { Url = item.Url };
            default:
                return null;
        }
    }

    /// <summary>What the rollup says, key result by key result, bet by bet, then initiative by initiative: added to <paramref name="findings"/>.</summary>
    public static void ForStrategy(StrategyRollup rollup, Thresholds thresholds, DateTimeOffset asOf, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var bet in rollup.Bets)
        {
            foreach (var keyResult in bet.KeyResults)
            {
                KeyResultFindings(keyResult, thresholds, findings);
            }
            if (bet.Output.Open == 0)
            {
                findings.Add(new Finding(FindingKinds.IdleBet, bet.Bet.Id, $"Bet '{bet.Bet.Title}' has no open work under it: nothing is moving it now.") { BetId = bet.Bet.Id });
            }
        }
        foreach (var initiative in rollup.Initiatives)
        {
            if (Stale(initiative, thresholds, asOf) is { } finding)
            {
                findings.Add(finding);
            }
        }
    }

    private static Finding Contradiction(ItemAlignment alignment)
    {
        var item = alignment.Item;
        var hits = string.Join("; ", alignment.Contradicts.Select(n => $"'{n.Title}'"));
        var bets = alignment.ContradictedBets.ToList();
        var betNames = string.Join(", ", bets.Select(b => $"'{b.Id}'"));
        return new Finding(FindingKinds.ContradictsNotDoing, item.Key, $"'{item.Title}' ({item.State.ToName()}) is work on {hits}, which bet {betNames} chose not to do.")
        {
            BetId = bets.FirstOrDefault()?.Id,
            Url = item.Url,
        };
    }

    private static void KeyResultFindings(KeyResultRollup keyResult, Thresholds thresholds, List<Finding> findings)
    {
        var id = keyResult.KeyResult.Id;
        if (keyResult.Output.Planned == 0)
        {
            findings.Add(new Finding(FindingKinds.UnbackedKeyResult, id, $"Key result '{keyResult.KeyResult.Title}' has no open or done work behind it.") { BetId = keyResult.BetId, KeyResultId = id });
            return;
        }
        if (keyResult.Outcome.Ratio is { } outcome && keyResult.Output.Ratio >= thresholds.OutputDone && outcome < thresholds.OutcomeMoved)
        {
            var output = keyResult.Output;
            findings.Add(new Finding(
                FindingKinds.OutputsWithoutOutcome,
                id,
                $"Key result '{keyResult.KeyResult.Title}' has {Percent(output.Ratio)} of its work done ({output.Done} of {output.Planned}) but its outcome has moved only {Percent(outcome)} of the way ({Value(keyResult.Outcome.Baseline)} → {Value(keyResult.Outcome.Current)}, target {Value(keyResult.Outcome.Target)}{Unit(keyResult.Outcome.Unit)}).")
            { BetId = keyResult.BetId, KeyResultId = id });
        }
    }

    private static Finding? Stale(InitiativeRollup initiative, Thresholds thresholds, DateTimeOffset asOf)
    {
        if (initiative.IsDone)
        {
            return null;
        }
        var id = initiative.Initiative.Id;
        if (initiative.LastActivity is not { } last)
        {
            return new Finding(FindingKinds.StaleInitiative, id, $"Initiative '{initiative.Initiative.Title}' has no work mapped to it.") { BetId = initiative.BetId, KeyResultId = initiative.KeyResultId, InitiativeId = id };
        }
        var idle = asOf - last;
        if (idle < TimeSpan.FromDays(thresholds.StaleDays))
        {
            return null;
        }
        return new Finding(
            FindingKinds.StaleInitiative,
            id,
            $"Initiative '{initiative.Initiative.Title}' is not done and has had no activity for {(int)idle.TotalDays} days (last on {last.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).")
        { BetId = initiative.BetId, KeyResultId = initiative.KeyResultId, InitiativeId = id };
    }

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static string Unit(string? unit) => string.IsNullOrEmpty(unit) ? "" : unit.Length > 1 ? " " + unit : unit;

    private static string Value(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
