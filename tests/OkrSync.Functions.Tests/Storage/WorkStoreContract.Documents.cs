using System.Text.Json;
using OkrSync.Core.Reports;

namespace OkrSync.Functions.Tests.Storage;

public abstract partial class WorkStoreContract
{
    [Fact]
    public async Task ReadCurrentReport_NoneSaved_ReturnsNull()
    {
        var store = OpenStore();

        var report = await store.ReadCurrentReportAsync();

        Assert.Null(report);
    }

    [Fact]
    public async Task SaveCurrentReport_ReportOfMegabytes_RoundTripsWhole()
    {
        var store = OpenStore();
        var report = SampleReports.Report(keyResults: 4_000, findings: 24_000, T0);
        Assert.True(Json(report).Length > 6_000_000);

        await store.SaveCurrentReportAsync(report);

        Assert.Equal(Json(report), Json(await OpenStore().ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task SaveCurrentReport_Repeatedly_ReadsTheLastOne()
    {
        var store = OpenStore();
        var large = SampleReports.Report(keyResults: 800, findings: 3_000, T0, strategy: "large");
        var small = SampleReports.Report(keyResults: 2, findings: 1, T0.AddDays(1), strategy: "small");
        var larger = SampleReports.Report(keyResults: 900, findings: 3_500, T0.AddDays(2), strategy: "larger");

        await store.SaveCurrentReportAsync(large);
        await store.SaveCurrentReportAsync(small);
        var afterSmall = await store.ReadCurrentReportAsync();
        await store.SaveCurrentReportAsync(larger);
        await store.SaveCurrentReportAsync(large);

        Assert.Equal("small", afterSmall?.Strategy);
        Assert.Equal(Json(large), Json(await store.ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task ReadCurrentReport_AnotherStoreReplacedIt_ReadsTheNewOne()
    {
        var reader = OpenStore();
        var writer = OpenStore();
        await reader.SaveCurrentReportAsync(SampleReports.Report(keyResults: 800, findings: 3_000, T0, strategy: "first"));
        var before = await reader.ReadCurrentReportAsync();

        await writer.SaveCurrentReportAsync(SampleReports.Report(keyResults: 2, findings: 1, T0.AddDays(1), strategy: "second"));
        var after = await reader.ReadCurrentReportAsync();
        await writer.SaveCurrentReportAsync(SampleReports.Report(keyResults: 900, findings: 3_500, T0.AddDays(2), strategy: "third"));
        var last = await reader.ReadCurrentReportAsync();

        Assert.Equal("first", before?.Strategy);
        Assert.Equal("second", after?.Strategy);
        Assert.Equal("third", last?.Strategy);
    }

    [Fact]
    public async Task SaveWeeklySnapshot_SameWeekTwice_KeepsTheFirst()
    {
        var store = OpenStore();
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var first = SampleReports.Snapshot(monday);
        var later = SampleReports.Snapshot(monday.AddDays(3), keyResults: 5);

        var saved = await store.SaveWeeklySnapshotAsync(first);
        var savedAgain = await OpenStore().SaveWeeklySnapshotAsync(later);

        Assert.True(saved);
        Assert.False(savedAgain);
        var stored = Assert.Single(await ReadSnapshotsAsync(store));
        Assert.Equal(Json(first), Json(stored));
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

    private static async Task<List<WeeklySnapshot>> ReadSnapshotsAsync(OkrSync.Core.Ports.IWorkStore store)
    {
        var snapshots = new List<WeeklySnapshot>();
        await foreach (var snapshot in store.ReadWeeklySnapshotsAsync())
        {
            snapshots.Add(snapshot);
        }

        return snapshots;
    }

    private static string Json(ReportDocument? report) =>
        report is null ? "null" : JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);

    private static string Json(WeeklySnapshot snapshot) => JsonSerializer.Serialize(snapshot, ReportJsonContext.Default.WeeklySnapshot);
}
