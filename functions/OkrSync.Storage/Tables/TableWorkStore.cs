using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Ports;
using OkrSync.Storage.Tables.Transactions;

namespace OkrSync.Storage.Tables;

/// <summary>
/// <see cref="IWorkStore"/> on Azure Table Storage (or Azurite). The table design is documented in
/// docs/storage.md. Tables are created on first use.
/// </summary>
public sealed partial class TableWorkStore : IWorkStore, IDisposable
{
    private const int MaxConflictAttempts = 8;

    private readonly TableServiceClient service;
    private readonly EntityTransactions transactions;
    private readonly TableNames names;
    private readonly int parallelism;
    private readonly FreshPartitions fresh = new();
    private readonly ItemKeyDirectory directory;
    private readonly ILogger logger;
    private readonly SemaphoreSlim createLock = new(1, 1);
    private readonly TimeSpan changeClockMargin;
    private volatile bool created;

    /// <summary>
    /// Connects from options: connection string, or account name with DefaultAzureCredential. The client options
    /// (retries, transport, added policies) apply to every request, reads and transactions alike.
    /// </summary>
    public TableWorkStore(TableStorageOptions options, ILogger<TableWorkStore>? logger = null, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (service, transactions) = options.Connect(clientOptions);
        names = TableNames.For(options.TablePrefix);
        parallelism = Math.Max(1, options.MaxParallelism);
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        Items = service.GetTableClient(names.Items);
        Reports = service.GetTableClient(names.Reports);
        Snapshots = service.GetTableClient(names.Snapshots);
        Cursors = service.GetTableClient(names.Cursors);
        Deliveries = service.GetTableClient(names.Deliveries);
        Sends = service.GetTableClient(names.Sends);
        Removals = service.GetTableClient(names.Removals);
        CheckIns = service.GetTableClient(names.CheckIns);
        ItemDeletions = service.GetTableClient(names.ItemDeletions);
        directory = new ItemKeyDirectory(service.GetTableClient(names.ItemKeys), transactions, parallelism);
        changeClockMargin = options.ChangeClockMargin < TimeSpan.Zero ? TimeSpan.Zero : options.ChangeClockMargin;
    }

    /// <summary>Test seam: runs after an upsert has read the stored versions and before it writes (every attempt).</summary>
    internal Func<CancellationToken, Task>? BeforeItemWrites { get; set; }

    /// <summary>The table endpoint, for logs (never the connection string).</summary>
    public Uri Endpoint => service.Uri;

    private TableClient Items { get; }

    private TableClient Reports { get; }

    private TableClient Snapshots { get; }

    private TableClient Cursors { get; }

    private TableClient Deliveries { get; }

    private TableClient Sends { get; }

    private TableClient Removals { get; }

    private TableClient CheckIns { get; }

    private TableClient ItemDeletions { get; }

    /// <summary>Creates the tables if they do not exist. Called on first use; callable up front to fail fast.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (created)
        {
            return;
        }

        await createLock.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await Task.WhenAll(names.All.Select(name => service.CreateTableIfNotExistsAsync(name, cancellationToken)));
                await CompleteDirectoryOfEmptyStoreAsync(cancellationToken);
                created = true;
            }
        }
        finally
        {
            createLock.Release();
        }
    }

    /// <summary>Deletes every table of this store's prefix (tests and tear-down).</summary>
    public async Task DeleteTablesAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(names.All.Select(name => service.DeleteTableAsync(name, cancellationToken)));
        created = false;
    }

    public void Dispose() => createLock.Dispose();

    private ParallelOptions ParallelOptionsFor(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
}
