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

    private static string Json(ReportDocument? report) =>
        report is null ? "null" : JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);
}
