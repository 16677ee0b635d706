using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Functions.Storage.Tables;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The contract against Table Storage, in Azurite. Each test uses tables of its own prefix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableWorkStoreContractTests(AzuriteFixture azurite) : WorkStoreContract
{
    private readonly string run = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, WriteCounter> counters = [];
    private readonly List<TableWorkStore> opened = [];

    protected override IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null)
    {
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run + scope };
        var clientOptions = new TableClientOptions();
        lock (counters)
        {
            clientOptions.AddPolicy(counters.TryGetValue(scope, out var counter) ? counter : counters[scope] = new WriteCounter(), HttpPipelinePosition.PerCall);
        }

        var store = new TableWorkStore(options.CreateServiceClient(clientOptions), options) { BeforeItemWrites = beforeItemWrites };
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    protected override Task<long> ItemWritesObservedAsync(string scope = MainScope) =>
        Task.FromResult(counters.TryGetValue(scope, out var counter) ? counter.Writes : 0);

    public override async Task DisposeAsync()
    {
        foreach (var scope in counters.Keys)
        {
            var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run + scope };
            using var cleanup = new TableWorkStore(options);
            await cleanup.DeleteTablesAsync();
        }

        opened.ForEach(s => s.Dispose());
    }

    /// <summary>Counts entity write requests (inserts, updates, deletes, batches) on the wire; table creation is not one.</summary>
    private sealed class WriteCounter : HttpPipelineSynchronousPolicy
    {
        private long writes;

        public long Writes => Interlocked.Read(ref writes);

        public override void OnSendingRequest(HttpMessage message)
        {
            var request = message.Request;
            var isTableCreation = request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal);
            if (request.Method != RequestMethod.Get && !isTableCreation)
            {
                Interlocked.Increment(ref writes);
            }
        }
    }
}
