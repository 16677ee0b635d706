namespace OkrSync.Core.Reports;

/// <summary>
/// The findings on the strategy (bets, key results, metrics) among a report's findings, reached without reading the
/// findings on single work items (orphaned, contradicting), which a report over a million items holds by the hundred
/// thousand. The live report joins its findings from parts and says which parts are about items
/// (<see cref="ConcatenatedList{T}.AboutItems"/>); a list made otherwise is read whole.
/// </summary>
public static class StrategyFindings
{
    /// <summary>Whether any finding outside the parts about single items matches <paramref name="predicate"/>.</summary>
    public static bool Any(IReadOnlyList<FindingJson> findings, Func<FindingJson, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(predicate);
        if (findings is ConcatenatedList<FindingJson> joined)
        {
            for (var i = 0; i < joined.Parts.Count; i++)
            {
                if (!joined.AboutItems.Contains(i) && joined.Parts[i].Any(predicate))
                {
                    return true;
                }
            }
            return false;
        }
        return findings.Any(predicate);
    }

    /// <summary>
    /// The findings in the same order, each outside the parts about single items replaced by <paramref name="map"/>;
    /// the parts about items are kept as they are, unread.
    /// </summary>
    public static IReadOnlyList<FindingJson> Select(IReadOnlyList<FindingJson> findings, Func<FindingJson, FindingJson> map)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(map);
        if (findings is ConcatenatedList<FindingJson> joined)
        {
            var parts = new IReadOnlyList<FindingJson>[joined.Parts.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = joined.AboutItems.Contains(i) ? joined.Parts[i] : [.. joined.Parts[i].Select(map)];
            }
            return new ConcatenatedList<FindingJson>(parts) { AboutItems = joined.AboutItems };
        }
        return [.. findings.Select(map)];
    }
}
