using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>Store files that are not usable OkrSync stores: every command says so in one line, and nothing is written.</summary>
public sealed class StoreFileTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string strategy;
    private readonly string export;

    public StoreFileTests()
    {
        strategy = directory.File("strategy.yaml", FortyLineStrategy.Valid);
        export = directory.File("gh.json", $"[{GitHubIssue(1, labels: Label("onboarding"))},{GitHubIssue(2)}]");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Theory]
    [InlineData("text file")]
    [InlineData("zip archive")]
    [InlineData("damaged header")]
    [InlineData("truncated store")]
    [InlineData("another program's SQLite database")]
    [InlineData("folder")]
    public async Task NotAnOkrSyncStore_EveryCommandSaysSoInOneLineNamingTheFile_AndNothingIsWritten(string kind)
    {
        var path = await MakeAsync(kind);
        var before = Fingerprint(path);
        var sync = new CliHarness();
        var report = new CliHarness();
        var history = new CliHarness();

        var exits = (
            await sync.RunAsync("sync", "--strategy", strategy, "--source", $"github-export:{export}", "--store", $"sqlite:{path}"),
            await report.RunAsync("report", "--store", $"sqlite:{path}"),
            await history.RunAsync("history", "--store", $"sqlite:{path}"));

        Assert.Equal((1, 1, 1), exits);
        Assert.All(new[] { sync, report, history }, cli => Assert.StartsWith($"error: cannot use the store: {path} ", Assert.Single(Lines(cli.Error)), StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Fingerprint(path));
    }

    [Fact]
    public async Task ReportFromAStoreThatDoesNotExist_CreatesNothing()
    {
        var path = Path.Combine(directory.Path, "state", "okrsync.db");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "--store", $"sqlite:{path}");

        Assert.Equal(1, exit);
        Assert.Contains("holds no report yet", cli.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "a read created the store's folder");
    }

    [Fact]
    public async Task StoreOfAnOlderSchema_IsNotMigratedByAReadCommand_WhichSaysSoInOneLine()
    {
        var path = await SyncedStoreAsync();
        await ExecuteAsync(path, "ALTER TABLE current_report DROP COLUMN version; DROP TABLE check_ins; DELETE FROM schema_version WHERE version >= 4;");
        var before = Fingerprint(path);
        var report = new CliHarness();

        var exit = await report.RunAsync("report", "--store", $"sqlite:{path}");

        Assert.Equal(1, exit);
        Assert.Equal($"error: cannot use the store: {path} has schema version 3 and this OkrSync reads version {OkrSync.Storage.Sqlite.SqliteSchema.CurrentVersion}; it was opened read-only, so it was not migrated: run 'okrsync sync' once to migrate it", Assert.Single(Lines(report.Error)));
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Fingerprint(path));
    }

    private async Task<string> MakeAsync(string kind)
    {
        var path = Path.Combine(directory.Path, "okrsync.db");
        switch (kind)
        {
            case "text file":
                await File.WriteAllTextAsync(path, "name: my notes\nnot a database at all\n");
                break;
            case "zip archive":
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    await using var entry = zip.CreateEntry("strategy.yaml").Open();
                    await entry.WriteAsync("name: zipped\n"u8.ToArray());
                }
                break;
            case "damaged header":
                await File.WriteAllBytesAsync(path, [.. "SQLite format 3\0"u8, .. Enumerable.Repeat((byte)'x', 4080)]);
                break;
            case "truncated store":
                path = await SyncedStoreAsync();
                await using (var file = new FileStream(path, FileMode.Open))
                {
                    file.SetLength(file.Length / 2);
                }
                break;
            case "another program's SQLite database":
                await ExecuteAsync(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me');");
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
        }
        return path;
    }

    private async Task<string> SyncedStoreAsync()
    {
        var path = Path.Combine(directory.Path, "okrsync.db");
        var exit = await new CliHarness().RunAsync("sync", "--strategy", strategy, "--source", $"github-export:{export}", "--store", $"sqlite:{path}");
        Assert.Equal(0, exit);
        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(path + "-wal"), "the store's write-ahead log was not folded back in when it closed");
        return path;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    // A file's bytes and modification time; a folder's entries.
    private static string Fingerprint(string path) => Directory.Exists(path)
        ? "folder: " + string.Join(", ", Directory.EnumerateFileSystemEntries(path))
        : $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))} {File.GetLastWriteTimeUtc(path):O}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
