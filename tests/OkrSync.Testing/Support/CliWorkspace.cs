using OkrSync.Core.Reports;
using OkrSync.Storage.Sqlite;

namespace OkrSync.Functions.Tests.Support;

/// <summary>
/// A temporary folder with a one-bet strategy (issues labelled <c>onboarding</c> are aligned) and a SQLite store for
/// <c>okrsync sync</c> runs, and what that store holds, read through a store of its own.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string dbPath;

    public CliWorkspace()
    {
        Strategy = directory.File("strategy.yaml", """
            name: Workspace test
            bets:
              - id: grow
                title: Grow
                key-results:
                  - id: activation
                    title: Activation
                    metric: { baseline: 20, target: 40, current: 25 }
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """);
        dbPath = Path.Combine(directory.Path, "okrsync.db");
    }

    public string Strategy { get; }

    /// <summary>The <c>--store</c> spec.</summary>
    public string Store => $"sqlite:{dbPath}";

    public async Task<List<WeeklySnapshot>> SnapshotsAsync()
    {
        using var store = Open();
        var snapshots = new List<WeeklySnapshot>();
        await foreach (var snapshot in store.ReadWeeklySnapshotsAsync())
        {
            snapshots.Add(snapshot);
        }
        return snapshots;
    }

    public async Task<ReportDocument?> ReportAsync()
    {
        using var store = Open();
        return await store.ReadCurrentReportAsync();
    }

    public async Task<int> ItemCountAsync()
    {
        using var store = Open();
        var count = 0;
        await foreach (var item in store.ReadAllItemsAsync())
        {
            count++;
        }
        return count;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private SqliteWorkStore Open() => new(new SqliteStoreOptions { Path = dbPath });
}
