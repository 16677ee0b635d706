using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>
/// A store the user may only read (file mode 0444 in a folder of mode 0555), read by <c>okrsync</c> as its own process
/// under those modes (as root, without the capabilities that bypass them).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyStoreTests : IDisposable
{
    private const UnixFileMode ReadOnlyFile = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ReadOnlyFolder = ReadOnlyFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly TempDirectory directory = new();
    private readonly string state;
    private readonly string store;

    public ReadOnlyStoreTests()
    {
        state = Path.Combine(directory.Path, "state");
        store = Path.Combine(state, "okrsync.db");
    }

    public void Dispose()
    {
        File.SetUnixFileMode(state, ReadOnlyFolder | UnixFileMode.UserWrite);
        directory.Dispose();
    }

    [Fact]
    public async Task StoreInAReadOnlyFolder_CanBeReadByReportHistoryAndTheDryRunEmail_AndIsNotChanged()
    {
        await SyncAsync();
        var before = Fingerprint();
        File.SetUnixFileMode(store, ReadOnlyFile);
        File.SetUnixFileMode(state, ReadOnlyFolder);

        var sync = await RunAsync("sync", "--strategy", Path.Combine(directory.Path, "strategy.yaml"), "--source", $"github-export:{Path.Combine(directory.Path, "gh.json")}", "--store", $"sqlite:{store}");
        var report = await RunAsync("report", "--store", $"sqlite:{store}", "--format", "json");
        var history = await RunAsync("history", "--store", $"sqlite:{store}");
        var email = await RunAsync("report", "email", "--dry-run", "--to", "ceo@acme.example", "--store", $"sqlite:{store}");

        Assert.True(sync.ExitCode != 0, $"the process could write to the read-only store, so this test proves nothing: {sync}");
        Assert.True(report.ExitCode == 0, report.ToString());
        using (var json = JsonDocument.Parse(report.Output))
        {
            Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
        }
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains(OkrSync.Core.Reports.WeeklySnapshot.IsoWeekOf(CliHarness.Now), history.Output, StringComparison.Ordinal);
        Assert.True(email.ExitCode == 0, email.ToString());
        Assert.Contains("To: ceo@acme.example", email.Output, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    private async Task SyncAsync()
    {
        var strategy = directory.File("strategy.yaml", FortyLineStrategy.Valid);
        var export = directory.File("gh.json", $"[{GitHubIssue(1, labels: Label("onboarding"))},{GitHubIssue(2)}]");
        var exit = await new CliHarness().RunAsync("sync", "--strategy", strategy, "--source", $"github-export:{export}", "--store", $"sqlite:{store}");
        Assert.Equal(0, exit);
        SqliteConnection.ClearAllPools();
        Assert.Equal(["okrsync.db"], Directory.GetFiles(state).Select(Path.GetFileName));
    }

    private Task<OkrsyncExit> RunAsync(params string[] arguments) =>
        OkrsyncRun.RunAsync(arguments, directory.Path, new Dictionary<string, string> { ["OkrSync__Store"] = "" }, asNonRoot: true);

    private string Fingerprint() => $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(store)))} {File.GetLastWriteTimeUtc(store):O}";
}
