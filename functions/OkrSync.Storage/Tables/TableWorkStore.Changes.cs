using System.Globalization;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Tables;

/// <summary>
/// What changed since a mark, from the entities' <c>Timestamp</c>: the storage service sets it on every insert and
/// replace, from its own clock, so a mark is a server time: the <c>Timestamp</c> of a small clock entity this store
/// writes when asked for a mark, less <see cref="TableStorageOptions.ChangeClockMargin"/>. A change committed after
/// the mark was taken carries a later <c>Timestamp</c> (up to the clock differences between the service's partition
/// servers, which the margin covers), whichever instance wrote it, and however long its request was in flight: the time
/// is taken when the service commits it. Deletes leave no entity, so a delete writes a tombstone (table
/// <c>{prefix}itemdeletions</c>, RowKey = the encoded key) after removing the item; its <c>Timestamp</c> dates the
/// delete. Changes of the margin's stretch before a mark are returned again next time: applying them twice is harmless.
/// A sequence number, as SQLite keeps, would need a counter shared by all writers, a hot entity that writers commit out
/// of order, so a reader could pass a number whose rows were not committed yet; the server's commit time has neither
/// problem. The query for changed items filters on <c>Timestamp</c>, which the service scans rather than indexes: it
/// costs server time proportional to the table, but only the changed entities cross the wire and are parsed.
/// </summary>
public sealed partial class TableWorkStore
{
    private const string MarkPrefix = "tables:";
    private const string DeletionPartition = "deleted";
    private const string ClockPartition = "clock";

    public async Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var now = await ServerTimeAsync(cancellationToken);
        return new ChangeMark(MarkPrefix + (now - changeClockMargin).UtcTicks.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Tombstones first, then items: a key found in both was deleted and stored again since (the items were read
    /// later), so it is an upsert; a key deleted while this reads has a tombstone stamped after the new mark.
    /// </summary>
    public async Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default)
    {
        var next = await ReadItemChangeMarkAsync(cancellationToken);
        if (!TryParse(since, out var from) || from > TicksOf(next))
        {
            return ItemChanges.Unknown(next);
        }

        var filter = "Timestamp ge datetime'" + new DateTimeOffset(from, TimeSpan.Zero).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "'";
        var deleted = new List<string>();
        await foreach (var tombstone in ItemDeletions.QueryAsync<TableEntity>($"PartitionKey eq {TableKeyEncoding.Quote(DeletionPartition)} and {filter}", select: ["RowKey", "Key"], cancellationToken: cancellationToken))
        {
            deleted.Add(tombstone.GetString("Key") ?? TableKeyEncoding.Decode(tombstone.RowKey) ?? tombstone.RowKey);
        }

        var upserts = new List<WorkItem>();
        await foreach (var entity in Items.QueryAsync<TableEntity>(filter, select: ItemEntities.PropertiesButBody, cancellationToken: cancellationToken))
        {
            upserts.Add(ItemEntities.ToItem(entity));
        }

        var stored = upserts.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        return new ItemChanges(upserts, [.. deleted.Where(key => !stored.Contains(key)).Distinct(StringComparer.Ordinal)], next);
    }

    private async Task RecordDeletionAsync(string key, CancellationToken cancellationToken)
    {
        var tombstone = new TableEntity(DeletionPartition, TableKeyEncoding.Encode(key)) { ["Key"] = key };
        await ItemDeletions.UpsertEntityAsync(tombstone, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The service's time now: the <c>Timestamp</c> it gives a small entity written for the purpose.</summary>
    private async Task<DateTimeOffset> ServerTimeAsync(CancellationToken cancellationToken)
    {
        var clock = new TableEntity(ClockPartition, "now");
        await ItemDeletions.UpsertEntityAsync(clock, TableUpdateMode.Replace, cancellationToken);
        var read = await ItemDeletions.GetEntityAsync<TableEntity>(ClockPartition, "now", select: ["Timestamp"], cancellationToken: cancellationToken);
        return read.Value.Timestamp ?? throw new InvalidOperationException("Table Storage returned an entity without a Timestamp.");
    }

    private static long TicksOf(ChangeMark mark) => TryParse(mark, out var ticks) ? ticks : 0;

    private static bool TryParse(ChangeMark mark, out long ticks)
    {
        ticks = 0;
        var text = mark.Position ?? "";
        return text.StartsWith(MarkPrefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(MarkPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out ticks);
    }
}
