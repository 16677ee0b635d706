using Microsoft.Data.Sqlite;
using OkrSync.Core.Ports;
using OkrSync.Storage;
using OkrSync.Storage.Sqlite;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The contract against SQLite: each test gets a folder of its own, one database file per scope.</summary>
public sealed class SqliteWorkStoreContractTests : WorkStoreAdapterContract
{
    private readonly string folder = Directory.CreateTempSubdirectory("okrsync-sqlite-").FullName;
    private readonly List<SqliteWorkStore> opened = [];

    protected override IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null)
    {
        var store = new SqliteWorkStore(new SqliteStoreOptions { Path = PathOf(scope) }) { BeforeItemWrites = beforeItemWrites };
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    /// <summary>Row writes to <c>items</c>, counted by triggers the test installs (outside the store's own code).</summary>
    protected override async Task<long> ItemWritesObservedAsync(string scope = MainScope)
    {
        await using var connection = new SqliteConnection($"Data Source={PathOf(scope)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS test_item_writes (n INTEGER NOT NULL);
            INSERT INTO test_item_writes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM test_item_writes);
            CREATE TRIGGER IF NOT EXISTS test_count_insert AFTER INSERT ON items BEGIN UPDATE test_item_writes SET n = n + 1; END;
            CREATE TRIGGER IF NOT EXISTS test_count_update AFTER UPDATE ON items BEGIN UPDATE test_item_writes SET n = n + 1; END;
            CREATE TRIGGER IF NOT EXISTS test_count_delete AFTER DELETE ON items BEGIN UPDATE test_item_writes SET n = n + 1; END;
            SELECT n FROM test_item_writes;
            """;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<IReadOnlyDictionary<string, long>> StoredReportPartsAsync(string scope = MainScope)
    {
        await using var connection = new SqliteConnection($"Data Source={PathOf(scope)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, length(body) FROM report_parts;";
        await using var row = await command.ExecuteReaderAsync();
        var parts = new Dictionary<string, long>();
        while (await row.ReadAsync())
        {
            parts[row.GetString(0)] = row.GetInt64(1);
        }

        return parts;
    }

    protected override void PauseBeforeReportManifest(IWorkStore store, Func<CancellationToken, Task> pause) =>
        ((SqliteWorkStore)store).BeforeReportManifest = pause;

    [Fact]
    public async Task FileOfSchemaVersionSix_KeepsItsWholeReportUntilTheNextWriteStoresItInParts()
    {
        var stored = SampleReports.WithItems(3_000, T0, strategy: "written by version 6");
        await using (var connection = new SqliteConnection($"Data Source={PathOf("v6")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Concat(SqliteSchema.Migrations.Take(6)) + """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES (6);
                INSERT INTO current_report (id, json, generation, version) VALUES (1, $json, 'g6', 4);
                """;
            command.Parameters.AddWithValue("$json", System.Text.Json.JsonSerializer.Serialize(stored, OkrSync.Core.Reports.ReportJsonContext.Default.ReportDocument));
            await command.ExecuteNonQueryAsync();
        }

        var store = OpenStore("v6");
        var before = await store.ReadCurrentReportAsync();
        var generation = await store.ReadCurrentReportGenerationAsync();
        var partsBefore = await StoredReportPartsAsync("v6");
        var write = await OpenStore("v6").SaveCurrentReportIfAsync(stored with { Strategy = "written in parts" }, expectedGeneration: 4);

        Assert.Equal(SqliteSchema.CurrentVersion, await SchemaVersionAsync("v6"));
        Assert.Equal(Ser(stored), Ser(before));
        Assert.Equal(4, generation);
        Assert.Empty(partsBefore);
        Assert.Equal((true, 5L), (write.Written, write.Generation));
        Assert.NotEmpty(await StoredReportPartsAsync("v6"));
        Assert.Equal(Ser(stored with { Strategy = "written in parts" }), Ser(await store.ReadCurrentReportAsync()));
    }

    private static string Ser(OkrSync.Core.Reports.ReportDocument? report) =>
        report is null ? "null" : System.Text.Json.JsonSerializer.Serialize(report, OkrSync.Core.Reports.ReportJsonContext.Default.ReportDocument);

    [Fact]
    public async Task FileOfSchemaVersionOne_IsMigratedAndKeepsItsReport()
    {
        var stored = SampleReports.Report(keyResults: 3, findings: 2, T0, strategy: "written by version 1");
        await using (var connection = new SqliteConnection($"Data Source={PathOf("v1")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.Migrations[0] + """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES (1);
                INSERT INTO current_report (id, json) VALUES (1, $json);
                """;
            command.Parameters.AddWithValue("$json", System.Text.Json.JsonSerializer.Serialize(stored, OkrSync.Core.Reports.ReportJsonContext.Default.ReportDocument));
            await command.ExecuteNonQueryAsync();
        }

        var store = OpenStore("v1");
        var before = await store.ReadCurrentReportAsync();
        var again = await store.ReadCurrentReportAsync();
        await store.SaveCurrentReportAsync(stored with { Strategy = "written by this version" });

        Assert.Equal("written by version 1", before?.Strategy);
        Assert.Equal("written by version 1", again?.Strategy);
        Assert.Equal("written by this version", (await OpenStore("v1").ReadCurrentReportAsync())?.Strategy);
        Assert.Equal(SqliteSchema.CurrentVersion, await SchemaVersionAsync("v1"));
    }

    [Fact]
    public async Task FileOfSchemaVersionFive_IsMigratedKeepsItsItemsAndReportsChangesFromThen()
    {
        await using (var connection = new SqliteConnection($"Data Source={PathOf("v5")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Concat(SqliteSchema.Migrations.Take(5)) + """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES (5);
                INSERT INTO items (key, source, container, title, url, type, state, status, labels, parent_key, milestone, components, assignee, assignee_email, estimate, created, updated, updated_utc_ticks, closed, is_pull_request, body, hash)
                VALUES ('acme/web#1', 'github', 'acme/web', 'Stored by version 5', '', 'issue', 'in-progress', '', '[]', NULL, NULL, '[]', NULL, NULL, NULL, '2026-01-01T00:00:00.0000000+00:00', '2026-01-01T00:00:00.0000000+00:00', 0, NULL, 0, NULL, 'h');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = OpenStore("v5");
        var mark = await store.ReadItemChangeMarkAsync();
        await store.UpsertAsync([Item("acme/web#2", "acme/web", T0)]);
        var changes = await store.ReadItemsChangedSinceAsync(mark);

        Assert.Equal("Stored by version 5", (await store.GetItemAsync("acme/web#1"))?.Title);
        Assert.Equal(["acme/web#2"], changes.Upserts.Select(i => i.Key));
        Assert.Equal(SqliteSchema.CurrentVersion, await SchemaVersionAsync("v5"));
    }

    [Fact]
    public async Task FileOfANewerSchema_IsRefusedAndLeftAsItIs()
    {
        await using (var connection = new SqliteConnection($"Data Source={PathOf("future")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version (version) VALUES ({SqliteSchema.CurrentVersion + 1});";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreFileException>(() => OpenStore("future").ReadCurrentReportAsync());

        Assert.StartsWith($"{PathOf("future")} has schema version {SqliteSchema.CurrentVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade OkrSync", error.Message, StringComparison.Ordinal);
        Assert.Equal(SqliteSchema.CurrentVersion + 1, await SchemaVersionAsync("future"));
    }

    [Fact]
    public async Task Report_ReadByAnotherStoreObject_FromItsStoredBytes_KeepsNonAsciiTextWhole()
    {
        const string Name = "Straße – 戦略 🚀 \"quoted\" \\ back";
        var stored = SampleReports.Report(keyResults: 2, findings: 3, T0, strategy: Name);
        await OpenStore("unicode").SaveCurrentReportAsync(stored);

        var read = await OpenStore("unicode").ReadCurrentReportAsync();

        Assert.Equal(Name, read?.Strategy);
        Assert.Equal(stored.Findings.Select(f => f.Message), read!.Findings.Select(f => f.Message));
    }

    private async Task<long> SchemaVersionAsync(string scope)
    {
        await using var connection = new SqliteConnection($"Data Source={PathOf(scope)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override Task DisposeAsync()
    {
        opened.ForEach(s => s.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private string PathOf(string scope) => Path.Combine(folder, scope + ".db");
}
