using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OkrSync.Core.Ports;

namespace OkrSync.Storage.Tables;

public sealed partial class TableWorkStore
{
    private const string CursorPartition = "cursor";
    private const string RemovalPartition = "removed";
    private const string Claimed = "claimed";
    private const string Sent = "sent";

    public async Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await EnsureCreatedAsync(cancellationToken);
        var hit = await Cursors.GetEntityIfExistsAsync<TableEntity>(CursorPartition, TableKeyEncoding.Encode(sourceId), cancellationToken: cancellationToken);
        if (!hit.HasValue || hit.Value is not { } entity)
        {
            return null;
        }

        return ToCursor(entity, entity.GetString("SourceId") ?? sourceId);
    }

    private static SyncCursor ToCursor(TableEntity entity, string sourceId) =>
        new(sourceId, entity.GetString("Position") ?? "", StoredTime.Parse(entity.GetString("SyncedAt") ?? ""))
        {
            ETag = entity.GetString("SourceETag"),
        };

    public async Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(CursorPartition, TableKeyEncoding.Encode(cursor.SourceId))
        {
            ["SourceId"] = cursor.SourceId,
            ["Position"] = cursor.Position,
            ["SyncedAt"] = StoredTime.Format(cursor.SyncedAt),
            ["SourceETag"] = cursor.ETag,
        };
        await Cursors.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// A RowKey range of the cursor partition: the encoding keeps a prefix a prefix, and every encoded character sorts
    /// below <c>~~~</c>. The ids are checked and ordered again as given (the encoding does not keep their order).
    /// </summary>
    public async IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIdPrefix);
        await EnsureCreatedAsync(cancellationToken);
        var from = TableKeyEncoding.Encode(sourceIdPrefix);
        var filter = $"PartitionKey eq {TableKeyEncoding.Quote(CursorPartition)} and RowKey ge {TableKeyEncoding.Quote(from)} and RowKey lt {TableKeyEncoding.Quote(from + "~~~")}";
        var found = new List<SyncCursor>();
        await foreach (var entity in Cursors.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.GetString("SourceId") is { } id && id.StartsWith(sourceIdPrefix, StringComparison.Ordinal))
            {
                found.Add(ToCursor(entity, id));
            }
        }

        foreach (var cursor in found.OrderBy(c => c.SourceId, StringComparer.Ordinal))
        {
            yield return cursor;
        }
    }

    /// <summary>PartitionKey = source, RowKey = delivery id; an insert that finds the row already there is a redelivery.</summary>
    public async Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(deliveryId);
        await EnsureCreatedAsync(cancellationToken);
        var found = await Deliveries.GetEntityIfExistsAsync<TableEntity>(TableKeyEncoding.Encode(source), TableKeyEncoding.Encode(deliveryId), ["PartitionKey"], cancellationToken);
        return found.HasValue;
    }

    public async Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(deliveryId);
        await EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeyEncoding.Encode(source), TableKeyEncoding.Encode(deliveryId))
        {
            ["Source"] = source,
            ["DeliveryId"] = deliveryId,
            ["ReceivedAt"] = StoredTime.Format(receivedAt),
        };
        try
        {
            await Deliveries.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the deliveries' keys and times (a scan of a small table, once a night), and deletes the old ones in batches
    /// of one partition. The times are compared parsed, as instants, never as strings.
    /// </summary>
    public async Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await PruneOlderAsync(Deliveries, "ReceivedAt", receivedBefore, cancellationToken);
    }

    /// <summary>
    /// PartitionKey = ISO week, RowKey = recipient. A claim is an insert, or a replace conditional on the ETag of an
    /// expired claim; losing either race (409/412) means another sender holds it.
    /// </summary>
    public async Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var claim = SendEntity(isoWeek, recipient, Claimed);
        claim["ClaimExpiresAt"] = StoredTime.Format(now + lease);
        var existing = await Sends.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue || existing.Value is not { } current)
            {
                await Sends.AddEntityAsync(claim, cancellationToken);
                return true;
            }

            var expires = StoredTime.ParseOptional(current.GetString("ClaimExpiresAt"));
            if (current.GetString("State") == Sent || (expires is { } until && until > now))
            {
                return false;
            }

            await Sends.UpdateEntityAsync(claim, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var sent = SendEntity(isoWeek, recipient, Sent);
        sent["SentAt"] = StoredTime.Format(sentAt);
        await Sends.UpsertEntityAsync(sent, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes an unsent claim (conditional on its ETag); a sent mark is never released.</summary>
    public async Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var key = SendEntity(isoWeek, recipient, Claimed);
        var existing = await Sends.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is not { } current || current.GetString("State") == Sent)
        {
            return;
        }

        try
        {
            await Sends.DeleteEntityAsync(current.PartitionKey, current.RowKey, current.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Changed meanwhile (sent, or claimed again): not ours to release.
        }
    }

    private static TableEntity SendEntity(string isoWeek, string recipient, string state)
    {
        ArgumentNullException.ThrowIfNull(isoWeek);
        ArgumentNullException.ThrowIfNull(recipient);
        return new TableEntity(TableKeyEncoding.Encode(isoWeek), TableKeyEncoding.Encode(recipient))
        {
            ["IsoWeek"] = isoWeek,
            ["Recipient"] = recipient,
            ["State"] = state,
        };
    }
}
