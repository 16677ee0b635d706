namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// Optimistic concurrency on the current report: every write moves its generation on by one, and a conditional write
/// that expects an older generation than the stored one is refused (a lost race), never applied.
/// </summary>
public abstract partial class WorkStoreContract
{
    [Fact]
    public async Task ReadCurrentReportGeneration_NoneSaved_IsZeroAndTheFirstWriteMakesItOne()
    {
        var store = OpenStore();

        var before = await store.ReadCurrentReportGenerationAsync();
        var write = await store.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0), expectedGeneration: 0);

        Assert.Equal(0, before);
        Assert.Equal((true, 1L), (write.Written, write.Generation));
        Assert.Equal(1, await OpenStore().ReadCurrentReportGenerationAsync());
    }

    [Fact]
    public async Task SaveCurrentReportIf_AnOlderReportWrite_IsRefusedAndTheNewerOneKept()
    {
        var first = OpenStore();
        var second = OpenStore();
        await first.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "both read this"), expectedGeneration: 0);
        var readByFirst = await first.ReadCurrentReportGenerationAsync();
        var readBySecond = await second.ReadCurrentReportGenerationAsync();

        var newer = await second.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 3, findings: 2, T0.AddMinutes(1), strategy: "newer"), readBySecond);
        var older = await first.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 800, findings: 3_000, T0.AddMinutes(2), strategy: "older"), readByFirst);

        Assert.Equal((true, 2L), (newer.Written, newer.Generation));
        Assert.True(older.Lost);
        Assert.Equal(2, older.Generation);
        Assert.Equal("newer", (await first.ReadCurrentReportAsync())?.Strategy);
        Assert.Equal("newer", (await OpenStore().ReadCurrentReportAsync())?.Strategy);
        Assert.Equal(2, await OpenStore().ReadCurrentReportGenerationAsync());
    }

    [Fact]
    public async Task SaveCurrentReportIf_AfterCatchingUp_WritesOverTheNewerGeneration()
    {
        var store = OpenStore();
        await store.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "one"), expectedGeneration: 0);
        await OpenStore().SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "two"), expectedGeneration: 1);
        var lost = await store.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "stale"), expectedGeneration: 1);

        var caughtUp = await store.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "caught up"), lost.Generation);

        Assert.Equal((true, 3L), (caughtUp.Written, caughtUp.Generation));
        Assert.Equal("caught up", (await OpenStore().ReadCurrentReportAsync())?.Strategy);
    }

    [Fact]
    public async Task SaveCurrentReport_Unconditional_MovesTheGenerationOnSoThatAnOlderWriterIsRefused()
    {
        var live = OpenStore();
        await live.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "live"), expectedGeneration: 0);

        await OpenStore().SaveCurrentReportAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "seeded"));
        var stale = await live.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "stale"), expectedGeneration: 1);

        Assert.Equal((false, 2L), (stale.Written, stale.Generation));
        Assert.Equal("seeded", (await live.ReadCurrentReportAsync())?.Strategy);
    }

    [Fact]
    public async Task SaveCurrentReportIf_SeveralWritersExpectTheSameGeneration_ExactlyOneWinsWhole()
    {
        await OpenStore().SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 2, findings: 1, T0, strategy: "start"), expectedGeneration: 0);
        var writers = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();

        var writes = await Task.WhenAll(writers.Select((store, i) =>
            store.SaveCurrentReportIfAsync(SampleReports.Report(keyResults: 800, findings: 3_000, T0.AddMinutes(i), strategy: $"writer {i}"), expectedGeneration: 1)));

        var winner = Assert.Single(writes.Select((write, i) => (write, i)), w => w.write.Written);
        Assert.All(writes.Where(w => w.Lost), lost => Assert.Equal(2, lost.Generation));
        var stored = await OpenStore().ReadCurrentReportAsync();
        Assert.Equal($"writer {winner.i}", stored?.Strategy);
        Assert.Equal(800, stored?.KeyResults.Count);
    }
}
