using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using OkrSync.Storage.Tables;
using OkrSync.Storage.Tables.Transactions;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The store's own transaction requests against Azurite, read back with the SDK.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntityTransactionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string tableName = "tx" + Guid.NewGuid().ToString("N")[..12];
    private TableClient table = null!;
    private EntityTransactions transactions = null!;

    public async Task InitializeAsync()
    {
        var account = new TableStorageOptions { ConnectionString = azurite.ConnectionString }.Connect();
        transactions = account.Transactions;
        table = account.Service.GetTableClient(tableName);
        await table.CreateAsync();
    }

    public async Task DisposeAsync() => await table.DeleteAsync();

    [Fact]
    public async Task EveryPropertyType_ReadsBackAsTheSdkWroteIt()
    {
        var moment = new DateTimeOffset(2026, 12, 2, 7, 40, 12, 345, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "all types")
        {
            ["Text"] = "naïve \"quoted\" <tag> & 'apostrophe' \\ ✓ 😀",
            ["Flag"] = true,
            ["Small"] = 42,
            ["Large"] = 9_007_199_254_740_993L,
            ["Whole"] = 3.0,
            ["Fraction"] = -0.125,
            ["NotANumber"] = double.NaN,
            ["Moment"] = moment,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
            ["Absent"] = null,
        };

        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.Add, entity)]);

        var read = (await table.GetEntityAsync<TableEntity>("p", "all types")).Value;
        Assert.Equal(entity.GetString("Text"), read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(42, read.GetInt32("Small"));
        Assert.Equal(9_007_199_254_740_993L, read.GetInt64("Large"));
        Assert.Equal(3.0, read.GetDouble("Whole"));
        Assert.Equal(-0.125, read.GetDouble("Fraction"));
        Assert.True(double.IsNaN(read.GetDouble("NotANumber") ?? 0));
        Assert.Equal(moment, read.GetDateTimeOffset("Moment"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read.GetBinary("Bytes"));
        Assert.False(read.ContainsKey("Absent"));
    }

    [Theory]
    [InlineData("it's", "a'b''c")]
    [InlineData("100%", "a b+c=d,e!f:g@h")]
    [InlineData("ünïcødé", "行")]
    public async Task KeysThatNeedEscaping_AreReplacedMergedAndDeletedInPlace(string partition, string row)
    {
        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, row) { ["V"] = 1 })]);
        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["V"] = 2 })]);
        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(partition, row) { ["W"] = 3 })]);

        var read = (await table.GetEntityAsync<TableEntity>(partition, row)).Value;
        Assert.Equal((2, 3), (read.GetInt32("V"), read.GetInt32("W")));

        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.Delete, read, ETag.All)]);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue);
    }

    [Fact]
    public async Task HundredActions_AreAppliedTogether()
    {
        await transactions.SubmitAsync(tableName, [.. Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["N"] = i }))]);

        var stored = await table.QueryAsync<TableEntity>("PartitionKey eq 'p'").ToListAsync();
        Assert.Equal(Enumerable.Range(0, 100), stored.Select(e => e.GetInt32("N")!.Value).Order());
    }

    [Fact]
    public async Task AddOfAnExistingEntity_Fails409AndAppliesNothing()
    {
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["V"] = "first" });

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => transactions.SubmitAsync(tableName,
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new") { ["V"] = "second" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken") { ["V"] = "second" }),
        ]));

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Contains(tableName, failure.Message, StringComparison.Ordinal);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "new")).HasValue);
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "taken")).Value.GetString("V"));
    }

    [Fact]
    public async Task ReplaceWithAnOutdatedETag_Fails412AndTheCurrentOneSucceeds()
    {
        await table.AddEntityAsync(new TableEntity("p", "versioned") { ["V"] = 1 });
        var outdated = (await table.GetEntityAsync<TableEntity>("p", "versioned")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "versioned") { ["V"] = 2 }, TableUpdateMode.Replace);
        var current = (await table.GetEntityAsync<TableEntity>("p", "versioned")).Value.ETag;

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => transactions.SubmitAsync(tableName,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "versioned") { ["V"] = 3 }, outdated)]));
        await transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "versioned") { ["V"] = 4 }, current)]);

        Assert.Equal(412, failure.Status);
        Assert.Equal(4, (await table.GetEntityAsync<TableEntity>("p", "versioned")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateOfAMissingEntity_Fails404()
    {
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => transactions.SubmitAsync(tableName,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "never stored") { ["V"] = 1 }, ETag.All)]));

        Assert.Equal(404, failure.Status);
    }

    [Fact]
    public async Task SharedAccessSignatureConnectionString_Authorizes()
    {
        var owner = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));
        var sas = owner.GenerateSasUri(TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, DateTimeOffset.UtcNow.AddHours(1)).Query.TrimStart('?');
        var account = new TableStorageOptions { ConnectionString = $"TableEndpoint={azurite.TableEndpoint};SharedAccessSignature={sas}" }.Connect();

        await account.Transactions.SubmitAsync(tableName, [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "by sas") { ["V"] = 1 })]);

        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "by sas")).HasValue);
    }

    [Fact]
    public async Task WrongAccountKey_Fails403AndWritesNothing()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={wrongKey};TableEndpoint={azurite.TableEndpoint};";
        var account = new TableStorageOptions { ConnectionString = connection }.Connect(new TableClientOptions { Retry = { MaxRetries = 0 } });

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => account.Transactions.SubmitAsync(tableName,
            [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "forged") { ["V"] = 1 })]));

        Assert.Equal(403, failure.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "forged")).HasValue);
    }
}
