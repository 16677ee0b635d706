using System.Runtime.CompilerServices;
using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// Each stored work item's JSON, made once while the item and where it stands stay the same: the live report keeps an
/// item until it changes, so an unchanged item is the same <see cref="WorkItemJson"/> instance in every report written,
/// and the store recognises the runs of unchanged items by identity and does not serialise them again. Keyed weakly by
/// the item: an entry goes with the item it describes.
/// </summary>
internal static class StoredItemJson
{
    private static readonly ConditionalWeakTable<WorkItem, Entry> Made = new();

    public static WorkItemJson Of(ItemAlignment alignment, StrategyDocument strategy)
    {
        if (Made.TryGetValue(alignment.Item, out var known)
            && ReferenceEquals(known.Strategy, strategy)
            && known.Classification == alignment.Classification
            && known.Json.Initiatives.SequenceEqual(alignment.InitiativeIds, StringComparer.Ordinal)
            && known.Json.Contradicts.SequenceEqual(alignment.Contradicts.Select(n => n.Id), StringComparer.Ordinal))
        {
            return known.Json;
        }
        var json = alignment.ToJson();
        Made.AddOrUpdate(alignment.Item, new Entry(strategy, alignment.Classification, json));
        return json;
    }

    // Within one strategy, the key results and bets follow from the initiatives; the rest of the JSON from the item.
    private sealed record Entry(StrategyDocument Strategy, Classification Classification, WorkItemJson Json);
}
