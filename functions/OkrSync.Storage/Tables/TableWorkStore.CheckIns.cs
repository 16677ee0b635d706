using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OkrSync.Core.Metrics;
using OkrSync.Storage.CheckIns;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Check-ins: table <c>{prefix}checkins</c>, PartitionKey = Enc(metric id), RowKey = the instant's UTC ticks (19 digits,
/// so rows sort by time) + <c>_</c> + Enc(value as round-trip text). An insert that finds the row is the same check-in.
/// </summary>
public sealed partial class TableWorkStore
{
    public async Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        await EnsureCreatedAsync(cancellationToken);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{checkIn.At.UtcTicks:D19}_{TableKeyEncoding.Encode(CheckInText.Value(checkIn.Value))}");
        var entity = new TableEntity(TableKeyEncoding.Encode(checkIn.MetricId), rowKey)
        {
            ["MetricId"] = checkIn.MetricId,
            ["Value"] = checkIn.Value,
            ["At"] = StoredTime.Format(checkIn.At),
            ["Confidence"] = CheckInText.Confidence(checkIn.Confidence),
            ["Note"] = checkIn.Note,
            ["By"] = checkIn.By,
            ["Source"] = checkIn.Source,
            ["RecordedAt"] = StoredTime.Format(checkIn.RecordedAt),
        };
        try
        {
            await CheckIns.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metricId);
        return QueryCheckInsAsync($"PartitionKey eq {TableKeyEncoding.Quote(TableKeyEncoding.Encode(metricId))}", cancellationToken);
    }

    public IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default) =>
        QueryCheckInsAsync(null, cancellationToken);

    private async IAsyncEnumerable<CheckIn> QueryCheckInsAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var found = new List<CheckIn>();
        await foreach (var entity in CheckIns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new CheckIn(entity.GetString("MetricId"), entity.GetDouble("Value") ?? 0, StoredTime.Parse(entity.GetString("At")))
            {
                Confidence = CheckInText.Confidence(entity.GetString("Confidence")),
                Note = entity.GetString("Note"),
                By = entity.GetString("By"),
                Source = entity.GetString("Source"),
                RecordedAt = StoredTime.Parse(entity.GetString("RecordedAt")),
            });
        }
        // Partitions come back in encoded-key order; the contract's order is the ids' ordinal order, then time.
        foreach (var checkIn in CheckInText.Ordered(found))
        {
            yield return checkIn;
        }
    }
}
