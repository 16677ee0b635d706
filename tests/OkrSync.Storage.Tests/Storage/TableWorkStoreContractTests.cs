using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The contract against Table Storage, in Azurite. Each test uses tables of its own prefix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableWorkStoreContractTests(AzuriteFixture azurite) : WorkStoreAdapterContract
{
    private readonly string run = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, WriteCounter> counters = [];
    private readonly List<TableWorkStore> opened = [];

    protected override IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null)
    {
        // No clock margin: the changes tests ask for a mark after their earlier writes, exactly.
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run + scope, ChangeClockMargin = TimeSpan.Zero };
        var clientOptions = new TableClientOptions();
        lock (counters)
        {
            clientOptions.AddPolicy(counters.TryGetValue(scope, out var counter) ? counter : counters[scope] = new WriteCounter(), HttpPipelinePosition.PerCall);
        }

        var store = new TableWorkStore(options, clientOptions: clientOptions) { BeforeItemWrites = beforeItemWrites };
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    protected override Task<long> ItemWritesObservedAsync(string scope = MainScope) =>
        Task.FromResult(counters.TryGetValue(scope, out var counter) ? counter.Writes : 0);

    /// <summary>
    /// The server's clock counts in milliseconds (Azurite) and writes a moment ago may share the mark's: asked again
    /// until the mark moves on, it is later than every one of them.
    /// </summary>
    protected override async Task<ChangeMark> MarkAfterEverythingWrittenAsync(IWorkStore store)
    {
        var first = await store.ReadItemChangeMarkAsync();
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var mark = await store.ReadItemChangeMarkAsync();
            if (mark != first)
            {
                return mark;
            }
        }

        throw new InvalidOperationException("The server's clock did not move in 1,000 requests.");
    }

    protected override async Task<IReadOnlyDictionary<string, long>> StoredReportPartsAsync(string scope = MainScope)
    {
        var table = ReportsTable(scope);
        var parts = new Dictionary<string, long>();
        await foreach (var entity in table.QueryAsync<TableEntity>($"PartitionKey eq '{ReportPartEntities.Partition}'", select: ["RowKey", "Length"]))
        {
            if (entity.RowKey.EndsWith(".0000", StringComparison.Ordinal))
            {
                parts[entity.RowKey[..^5]] = entity.GetInt64("Length") ?? 0;
            }
        }

        return parts;
    }

    protected override void PauseBeforeReportManifest(IWorkStore store, Func<CancellationToken, Task> pause) =>
        ((TableWorkStore)store).BeforeReportManifest = pause;

    private TableAccount Account(string scope) =>
        new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run + scope }.Connect();

    private TableClient ReportsTable(string scope) => Account(scope).Service.GetTableClient(TableNames.For(run + scope).Reports);

    [Fact]
    public async Task ReportStoredWholeBeforeParts_IsReadAndTheNextWriteStoresItInPartsAndDeletesItsChunks()
    {
        var stored = SampleReports.WithItems(3_000, T0, strategy: "stored whole");
        var store = OpenStore("whole");
        await store.ReadCurrentReportGenerationAsync(); // creates the tables
        var table = ReportsTable("whole");
        using (var body = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                System.Text.Json.JsonSerializer.Serialize(gzip, stored, OkrSync.Core.Reports.ReportJsonContext.Default.ReportDocument);
            }
            await new ChunkedDocuments(table, Account("whole").Transactions, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).ReplaceAsync("current", "report", body.ToArray());
        }
        var chunksBefore = await CountAsync(table, "current-chunks");

        var before = await OpenStore("whole").ReadCurrentReportAsync();
        var write = await OpenStore("whole").SaveCurrentReportIfAsync(stored with { Strategy = "in parts" }, expectedGeneration: 1);

        Assert.True(chunksBefore > 1, $"{chunksBefore} chunks");
        Assert.Equal(Ser(stored), Ser(before));
        Assert.Equal((true, 2L), (write.Written, write.Generation));
        Assert.Equal(0, await CountAsync(table, "current-chunks"));
        Assert.NotEmpty(await StoredReportPartsAsync("whole"));
        Assert.Equal(Ser(stored with { Strategy = "in parts" }), Ser(await OpenStore("whole").ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task SaveCurrentReport_PartsTheManifestNoLongerNames_StayOneGenerationThenAreDeleted()
    {
        var a = SampleReports.WithItems(3_000, T0, strategy: "A");
        var b = SampleReports.WithOneItemRetitled(a, 5, "B") with { Strategy = "B" };
        var c = SampleReports.WithOneItemRetitled(b, 2_500, "C") with { Strategy = "C" };
        var store = OpenStore("grace");
        await store.SaveCurrentReportAsync(a);
        var ofA = (await StoredReportPartsAsync("grace")).Keys.ToHashSet();

        await store.SaveCurrentReportAsync(b);
        var afterB = (await StoredReportPartsAsync("grace")).Keys.ToHashSet();
        await store.SaveCurrentReportAsync(c);
        var afterC = (await StoredReportPartsAsync("grace")).Keys.ToHashSet();

        Assert.Superset(ofA, afterB); // A's parts are still there for a reader that holds A's manifest
        Assert.Equal(ofA.Count + 3, afterB.Count);
        Assert.Equal(afterB.Count, afterC.Count); // C's three new parts in, the three of A's that B retired out
        Assert.Equal(3, ofA.Except(afterC).Count());
        Assert.Superset(afterB.Except(ofA).ToHashSet(), afterC); // B's parts stay, also the head that C retired
        Assert.Equal(Ser(c), Ser(await OpenStore("grace").ReadCurrentReportAsync()));
    }

    private static async Task<int> CountAsync(TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static string Ser(OkrSync.Core.Reports.ReportDocument? report) =>
        report is null ? "null" : System.Text.Json.JsonSerializer.Serialize(report, OkrSync.Core.Reports.ReportJsonContext.Default.ReportDocument);

    [Fact]
    public async Task FirstSyncOfAPartition_CostsOneProbeAndNoLookups()
    {
        var store = OpenStore("fresh");
        var items = SampleWorkItems.Generate(1_000, containers: 1);
        await ((TableWorkStore)store).EnsureCreatedAsync();
        var readsBefore = counters["fresh"].Reads;

        var result = new UpsertResult();
        foreach (var page in items.Chunk(100))
        {
            result += await store.UpsertAsync(page);
        }

        Assert.Equal(1_000, result.Written);
        Assert.Equal(1, counters["fresh"].Reads - readsBefore); // the probe that found the partition empty
    }

    [Fact]
    public async Task FirstSmallPageOfAPartition_IsLookedUpWithoutAProbe()
    {
        var store = OpenStore("smallpage");
        var items = SampleWorkItems.Generate(ItemVersions.KeysPerQuery, containers: 1);
        await ((TableWorkStore)store).EnsureCreatedAsync();
        var readsBefore = counters["smallpage"].Reads;

        var result = await store.UpsertAsync(items);

        Assert.Equal(ItemVersions.KeysPerQuery, result.Written);
        Assert.Equal(1, counters["smallpage"].Reads - readsBefore); // one lookup query for the 12 keys, no probe
    }

    [Fact]
    public async Task NewKeysInAPartitionAnotherStoreFilled_ProbeFindsItPopulatedAndTheFirstPageIsLookedUp()
    {
        var items = SampleWorkItems.Generate(400, containers: 1);
        await OpenStore("filled").UpsertAsync(items.Take(100).ToList());
        var store = OpenStore("filled");
        await ((TableWorkStore)store).EnsureCreatedAsync();
        var readsBefore = counters["filled"].Reads;

        var result = new UpsertResult();
        foreach (var page in items.Skip(100).Chunk(100))
        {
            result += await store.UpsertAsync(page);
        }

        // The probe finds the partition populated, so the first page's keys are looked up; none of them is stored, so
        // the partition counts as fresh for the keys that follow (an insert of a key another writer did store is a 409
        // that falls back to reading).
        var lookupsPerPage = (100 + ItemVersions.KeysPerQuery - 1) / ItemVersions.KeysPerQuery;
        Assert.Equal(300, result.Written);
        Assert.Equal(1 + lookupsPerPage, counters["filled"].Reads - readsBefore);
        Assert.Equal(400, await CountItemsAsync(store));
    }

    [Fact]
    public async Task PartitionProbedEmpty_AnotherWriterInsertsFirst_ItsNewerVersionIsKept()
    {
        var writer = OpenStore("probed");
        var other = OpenStore("probed");
        var items = SampleWorkItems.Generate(50, containers: 1);
        await writer.UpsertAsync(items.Take(20).ToList()); // probed empty: fresh for this store
        var newer = items[30] with { Title = "newer", Updated = items[30].Updated.AddHours(1) };
        await other.UpsertAsync([newer]);

        var result = await writer.UpsertAsync(items.Skip(20).ToList());

        Assert.Equal(new UpsertResult(29, 0, 1), result);
        Assert.Equal("newer", (await OpenStore("probed").GetItemAsync(items[30].Key))?.Title);
    }

    private static async Task<int> CountItemsAsync(IWorkStore store)
    {
        var count = 0;
        await foreach (var _ in store.ReadAllItemsAsync())
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task KeyAnotherWriterInsertedIntoAFreshPartition_IsNotOverwrittenByAnOlderVersion()
    {
        var writer = OpenStore("race");
        var other = OpenStore("race");
        var items = SampleWorkItems.Generate(2, containers: 1);
        await writer.UpsertAsync([items[0]]);
        var newer = items[1] with { Title = "newer", Updated = items[1].Updated.AddHours(1) };
        await other.UpsertAsync([newer]);

        var result = await writer.UpsertAsync([items[1]]);

        Assert.Equal(new UpsertResult(0, 0, 1), result);
        Assert.Equal("newer", (await OpenStore("race").GetItemAsync(items[1].Key))?.Title);
    }

    [Fact]
    public async Task ReadCurrentReport_UnchangedSinceLastRead_CostsOnePointRead()
    {
        var store = OpenStore("cached");
        var report = SampleReports.Report(keyResults: 4_000, findings: 24_000, T0);
        await store.SaveCurrentReportAsync(report);
        var readsBefore = counters["cached"].Reads;

        var first = await store.ReadCurrentReportAsync();
        var second = await store.ReadCurrentReportAsync();

        Assert.Same(report, first);
        Assert.Same(first, second);
        Assert.Equal(2, counters["cached"].Reads - readsBefore);
    }

    [Fact]
    public async Task GetItem_KeyThatDoesNotTellItsPartition_IsFoundByPointReadsAndAMissNeverScans()
    {
        var store = (TableWorkStore)OpenStore("directory");
        // A Jira project configured by id, a repository spelled in another case: the key points elsewhere.
        var byId = Item("ONB-42", "10001", T0, source: SourceKind.Jira);
        var otherCase = Item("acme/web#7", "Acme/Web", T0);
        var usual = Item("ONB-43", "ONB", T0, source: SourceKind.Jira);
        await store.UpsertAsync([byId, otherCase, usual]);
        var readsBefore = counters["directory"].Reads;

        AssertSameItem(byId, await store.GetItemAsync("ONB-42"));
        AssertSameItem(otherCase, await store.GetItemAsync("acme/web#7"));
        AssertSameItem(usual, await store.GetItemAsync("ONB-43"));
        Assert.Null(await store.GetItemAsync("ONB-44"));
        Assert.Null(await store.GetItemAsync("acme/web#8"));

        Assert.Equal(0, store.CrossPartitionLookups);
        // ONB-42: its likely partition, the directory, its own; acme/web#7 the same; ONB-43 one; each miss two.
        Assert.Equal(3 + 3 + 1 + 2 + 2, counters["directory"].Reads - readsBefore);
        Assert.Equal(1, await store.DeleteAsync(["ONB-42"]));
        Assert.Null(await OpenStore("directory").GetItemAsync("ONB-42"));
        Assert.Equal(0, store.CrossPartitionLookups);
    }

    [Fact]
    public async Task Upsert_ProjectConfiguredById_WritesTheKeyDirectoryInTransactionsLikeTheItems()
    {
        var store = (TableWorkStore)OpenStore("byid");
        await store.EnsureCreatedAsync();
        var items = Enumerable.Range(1, 250).Select(n => Item($"ONB-{n}", "10001", T0, source: SourceKind.Jira)).ToList();
        var writesBefore = counters["byid"].Writes;

        var result = await store.UpsertAsync(items);

        Assert.Equal(250, result.Written);
        // Three transactions of items (100, 100, 50) and three of directory entries: not one write per entry.
        Assert.Equal(6, counters["byid"].Writes - writesBefore);
        foreach (var item in items.Where((_, i) => i % 50 == 0))
        {
            AssertSameItem(item, await OpenStore("byid").GetItemAsync(item.Key));
        }
        Assert.Equal(0, store.CrossPartitionLookups);
    }

    [Fact]
    public async Task GetItem_StoreWrittenBeforeTheKeyDirectory_FindsEveryItemAndAFullReadEndsTheScans()
    {
        var writer = (TableWorkStore)OpenStore("legacy");
        var byId = Item("ONB-42", "10001", T0, source: SourceKind.Jira);
        await writer.UpsertAsync([byId, Item("ONB-43", "ONB", T0, source: SourceKind.Jira)]);
        // As a store written before the directory existed: no entries, no marker.
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = run + "legacy" };
        await options.CreateServiceClient().DeleteTableAsync(TableNames.For(run + "legacy").ItemKeys);
        var store = (TableWorkStore)OpenStore("legacy");

        AssertSameItem(byId, await store.GetItemAsync("ONB-42"));
        Assert.Equal(1, store.CrossPartitionLookups);
        var all = new List<string>();
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync())
        {
            all.Add(item.Key);
        }

        Assert.Equal(["ONB-42", "ONB-43"], all.Order(StringComparer.Ordinal));
        var after = (TableWorkStore)OpenStore("legacy");
        AssertSameItem(byId, await after.GetItemAsync("ONB-42"));
        Assert.Null(await after.GetItemAsync("ONB-44"));
        Assert.Equal(0, after.CrossPartitionLookups);
    }

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

    /// <summary>Counts entity write requests (inserts, updates, deletes, batches) and reads on the wire; table creation is neither.</summary>
    private sealed class WriteCounter : HttpPipelineSynchronousPolicy
    {
        private long writes;
        private long reads;

        public long Writes => Interlocked.Read(ref writes);

        public long Reads => Interlocked.Read(ref reads);

        public override void OnSendingRequest(HttpMessage message)
        {
            var request = message.Request;
            var isTableCreation = request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal);
            if (request.Method == RequestMethod.Get)
            {
                Interlocked.Increment(ref reads);
            }
            else if (!isTableCreation)
            {
                Interlocked.Increment(ref writes);
            }
        }
    }
}
