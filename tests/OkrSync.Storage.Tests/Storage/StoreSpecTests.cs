using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Ports;
using OkrSync.Storage;
using OkrSync.Storage.Sqlite;
using OkrSync.Storage.Tables;

namespace OkrSync.Functions.Tests.Storage;

public sealed class StoreSpecTests
{
    private static readonly TableStorageOptions Unconfigured = new();

    [Fact]
    public void Parse_NothingConfigured_DefaultsToSqliteInDotOkrsync()
    {
        var spec = StoreSpec.Parse(null, Unconfigured);

        Assert.Equal("./.okrsync/okrsync.db", Assert.IsType<SqliteSpec>(spec).Options.Path);
    }

    [Fact]
    public void Parse_NothingButAnAccountName_DefaultsToTablesWithThatAccount()
    {
        var spec = StoreSpec.Parse("", new TableStorageOptions { AccountName = "acmeokr", ClientId = "c1" });

        var tables = Assert.IsType<TablesSpec>(spec);
        Assert.Equal(("acmeokr", "c1"), (tables.Options.AccountName, tables.Options.ClientId));
    }

    [Fact]
    public void Parse_SqliteWithPath_UsesThePath()
    {
        var spec = StoreSpec.Parse("sqlite:/var/lib/okrsync/state.db", new TableStorageOptions { AccountName = "ignored" });

        Assert.Equal("/var/lib/okrsync/state.db", Assert.IsType<SqliteSpec>(spec).Options.Path);
    }

    [Fact]
    public void Parse_TablesWithConnectionString_UsesItAndHidesItWhenPrinted()
    {
        const string connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var spec = StoreSpec.Parse("tables:" + connection, new TableStorageOptions { AccountName = "other", TablePrefix = "custom" });

        var tables = Assert.IsType<TablesSpec>(spec);
        Assert.Equal((connection, (string?)null, "custom"), (tables.Options.ConnectionString, tables.Options.AccountName, tables.Options.TablePrefix));
        Assert.DoesNotContain("c2VjcmV0", spec.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tables")]
    [InlineData("tables:")]
    [InlineData("postgres:x")]
    public void Parse_UnusableSpec_FailsWithAMessage(string text)
    {
        var error = Record.Exception(() => StoreSpec.Parse(text, Unconfigured));

        Assert.IsType<FormatException>(error);
    }

    [Fact]
    public async Task AddWorkStore_SqliteConfigured_ResolvesAWorkingStoreUnderEachRole()
    {
        var folder = Directory.CreateTempSubdirectory("okrsync-factory-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OkrSync:Store"] = $"sqlite:{Path.Combine(folder, "a.db")}" })
            .Build();
        await using (var provider = new ServiceCollection().AddWorkStore(configuration).BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IWorkStore>();

            await store.WriteCursorAsync(new SyncCursor("s", "p", DateTimeOffset.UnixEpoch));

            Assert.IsType<SqliteWorkStore>(store);
            Assert.True(File.Exists(Path.Combine(folder, "a.db")));
            Assert.Same(store, provider.GetRequiredService<IItemStore>());
            Assert.Same(store, provider.GetRequiredService<IReportStore>());
            Assert.Same(store, provider.GetRequiredService<ICursorStore>());
            Assert.Same(store, provider.GetRequiredService<IEventLog>());
            Assert.Same(store, provider.GetRequiredService<ISendLedger>());
        }

        Directory.Delete(folder, recursive: true);
    }
}
