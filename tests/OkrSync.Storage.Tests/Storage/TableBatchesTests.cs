using Azure.Data.Tables;
using OkrSync.Storage.Tables;

namespace OkrSync.Functions.Tests.Storage;

public sealed class TableBatchesTests
{
    [Fact]
    public void Chunk_ManyActionsInSeveralPartitions_NeverMixesPartitionsOrExceeds100()
    {
        var actions = Enumerable.Range(0, 1_000)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i % 3}", $"r{i}")))
            .ToList();

        var batches = TableBatches.Chunk(actions).ToList();

        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, TableBatches.MaxActions));
        Assert.Equal(1_000, batches.Sum(b => b.Count));
        Assert.Equal(12, batches.Count);
    }

    [Fact]
    public void Chunk_LargeEntities_KeepsEachBatchUnderTheRequestSizeLimit()
    {
        var body = new string('é', 32_000); // escaped as \u00e9 in the request: 6 bytes per character
        var actions = Enumerable.Range(0, 60)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["Body"] = body }))
            .ToList();

        var batches = TableBatches.Chunk(actions).ToList();

        Assert.All(batches, b => Assert.True(b.Sum(a => TableBatches.EstimateBytes(a.Entity)) <= TableBatches.MaxPayloadBytes));
        Assert.True(batches.Count >= 4, $"{batches.Count} batches");
        Assert.Equal(60, batches.Sum(b => b.Count));
    }
}
