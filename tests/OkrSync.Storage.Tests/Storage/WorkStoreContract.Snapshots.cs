using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    protected const string MainScope = "main";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2));

    /// <summary>
    /// Opens a store on this test's storage named <paramref name="scope"/>: stores opened with the same scope share
    /// state (two writers), different scopes are independent. <paramref name="beforeItemWrites"/> is the adapter's
    /// test seam, run between reading the stored versions and writing.
    /// </summary>
    protected abstract IWorkStore OpenStore(string scope = MainScope, Func<CancellationToken, Task>? beforeItemWrites = null);

    [Fact]
    public async Task SaveWeeklySnapshot_LaterInTheSameWeek_ReplacesTheEarlierOne()
    {
        var store = OpenStore();
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var first = SampleReports.Snapshot(monday);
        var later = SampleReports.Snapshot(monday.AddDays(3), keyResults: 5);

        var saved = await store.SaveWeeklySnapshotAsync(first);
        var replaced = await OpenStore().SaveWeeklySnapshotAsync(later);

        Assert.True(saved);
        Assert.True(replaced);
        var stored = Assert.Single(await ReadSnapshotsAsync(store));
        Assert.Equal(Json(later), Json(stored));
    }

    [Fact]
    public async Task SaveWeeklySnapshot_EarlierOrSameTimeInTheWeek_KeepsTheLaterOne()
    {
        var store = OpenStore();
        var thursday = new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.FromHours(1));
        var later = SampleReports.Snapshot(thursday, keyResults: 5);

        await store.SaveWeeklySnapshotAsync(later);
        var earlier = await OpenStore().SaveWeeklySnapshotAsync(SampleReports.Snapshot(thursday.AddDays(-2)));
        var sameInstant = await OpenStore().SaveWeeklySnapshotAsync(SampleReports.Snapshot(thursday.ToOffset(TimeSpan.Zero), keyResults: 2));

        Assert.False(earlier);
        Assert.False(sameInstant);
        Assert.Equal(Json(later), Json(Assert.Single(await ReadSnapshotsAsync(store))));
    }

    [Fact]
    public async Task SaveWeeklySnapshot_WeekWithALaterWeekStored_IsNeverRewritten()
    {
        var store = OpenStore();
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var pastWeek = SampleReports.Snapshot(monday);
        await store.SaveWeeklySnapshotAsync(pastWeek);
        await store.SaveWeeklySnapshotAsync(SampleReports.Snapshot(monday.AddDays(7)));

        var rewritten = await OpenStore().SaveWeeklySnapshotAsync(SampleReports.Snapshot(monday.AddDays(6), keyResults: 5));

        Assert.False(rewritten);
        var stored = await ReadSnapshotsAsync(store);
        Assert.Equal(["2026-W47", "2026-W48"], stored.Select(s => s.IsoWeek));
        Assert.Equal(Json(pastWeek), Json(stored[0]));
    }

    [Fact]
    public async Task SaveWeeklySnapshot_LargeReplacingLarge_ReadsTheLaterWhole()
    {
        var store = OpenStore();
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        await store.SaveWeeklySnapshotAsync(SampleReports.Snapshot(monday, keyResults: 20_000));
        var later = SampleReports.Snapshot(monday.AddHours(5), keyResults: 25_000);

        var replaced = await store.SaveWeeklySnapshotAsync(later);

        Assert.True(replaced);
        Assert.Equal(Json(later), Json(Assert.Single(await ReadSnapshotsAsync(OpenStore()))));
    }

    [Fact]
    public async Task ReadWeeklySnapshots_SavedOutOfOrder_ComeOldestFirst()
    {
        var store = OpenStore();
        DateTimeOffset[] days = [new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), new(2025, 12, 29, 0, 0, 0, TimeSpan.Zero), new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero), new(2025, 12, 22, 0, 0, 0, TimeSpan.Zero)];

        foreach (var day in days)
        {
            Assert.True(await store.SaveWeeklySnapshotAsync(SampleReports.Snapshot(day)));
        }

        Assert.Equal(["2025-W52", "2026-W01", "2026-W03", "2026-W11"], (await ReadSnapshotsAsync(store)).Select(s => s.IsoWeek));
    }

    [Fact]
    public async Task SaveWeeklySnapshot_TensOfThousandsOfKeyResults_RoundTrips()
    {
        var store = OpenStore();
        var snapshot = SampleReports.Snapshot(T0, keyResults: 30_000);

        Assert.True(await store.SaveWeeklySnapshotAsync(snapshot));

        Assert.Equal(Json(snapshot), Json(Assert.Single(await ReadSnapshotsAsync(store))));
    }

    [Fact]
    public async Task ReadCursors_ByPrefix_ReturnsThoseInOrdinalOrderOfTheirIds()
    {
        var store = OpenStore();
        string[] ids = ["status:jira:ONB", "github:acme/web", "status:github:acme/web#?\\x", "status:github:acme/Web", "statusgithub:acme/api", "Status:jira:PAY"];
        foreach (var id in ids)
        {
            await store.WriteCursorAsync(new SyncCursor(id, $"{{\"of\":\"{id}\"}}", T0) { ETag = id == "status:jira:ONB" ? "e" : null });
        }

        var found = new List<SyncCursor>();
        await foreach (var cursor in OpenStore().ReadCursorsAsync("status:"))
        {
            found.Add(cursor);
        }

        Assert.Equal(["status:github:acme/Web", "status:github:acme/web#?\\x", "status:jira:ONB"], found.Select(c => c.SourceId));
        Assert.All(found, c => Assert.Equal($"{{\"of\":\"{c.SourceId}\"}}", c.Position));
        Assert.Equal("e", found[2].ETag);
    }

    private static async Task<List<WeeklySnapshot>> ReadSnapshotsAsync(IWorkStore store)
    {
        var snapshots = new List<WeeklySnapshot>();
        await foreach (var snapshot in store.ReadWeeklySnapshotsAsync())
        {
            snapshots.Add(snapshot);
        }

        return snapshots;
    }

    private static string Json(WeeklySnapshot snapshot) => JsonSerializer.Serialize(snapshot, ReportJsonContext.Default.WeeklySnapshot);
}
