using System.Diagnostics;
using Azure.Data.Tables;
using OkrSync.Storage.Tables;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// The store's own batched write rate for the entities a sync wrote: read them back from the sync's table, then
/// upsert them into an empty table of a fresh emulator with the store's transaction writer
/// (<see cref="EntityTransactions"/>, as <c>TableWorkStore</c> writes), 100 actions per transaction, one partition per
/// transaction (the same partitions), <c>parallelism</c> transactions at a time. Nothing else runs: no version reads,
/// no hashing, no trackers.
/// </summary>
internal static class BatchCeiling
{
    public const int BatchSize = 100;
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <summary>Every entity of the table, as plain copies without the service's Timestamp and ETag.</summary>
    public static async Task<List<TableEntity>> ReadAllAsync(string connectionString, string table, CancellationToken cancellationToken = default)
    {
        var client = new TableClient(connectionString, table);
        var copies = new List<TableEntity>();
        await foreach (var stored in client.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var copy = new TableEntity(stored.PartitionKey, stored.RowKey);
            foreach (var (name, value) in stored)
            {
                if (!SystemProperties.Contains(name) && !name.EndsWith("@odata.type", StringComparison.Ordinal))
                {
                    copy[name] = value;
                }
            }
            copies.Add(copy);
        }
        return copies;
    }

    public static async Task<CeilingResult> MeasureAsync(string connectionString, string table, IReadOnlyList<TableEntity> entities, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var account = new TableStorageOptions { ConnectionString = connectionString }.Connect();
        await account.Service.CreateTableIfNotExistsAsync(table, cancellationToken);
        var batches = entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(p => p.Chunk(BatchSize))
            .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList())
            .ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await account.Transactions.SubmitAsync(table, batch, token));
        clock.Stop();
        return new CeilingResult(parallelism, entities.Count, batches.Count, clock.Elapsed.TotalSeconds);
    }
}
