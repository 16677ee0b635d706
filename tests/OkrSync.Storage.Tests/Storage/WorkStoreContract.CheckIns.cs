using OkrSync.Core.Metrics;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>The check-in log: append-only, idempotent on (id, instant, value), each metric's oldest first.</summary>
public abstract partial class WorkStoreContract
{
    [Fact]
    public async Task AppendCheckIn_OutOfOrder_ReadsOldestFirstWithEveryField()
    {
        var store = OpenStore();
        var late = new CheckIn("kr-activation", 31.5, T0.AddDays(7)) { Confidence = Confidence.AtRisk, Note = "after the onboarding change", By = "ana@example.com", RecordedAt = T0.AddDays(7) };
        var early = new CheckIn("kr-activation", 27, T0.AddHours(2).ToOffset(TimeSpan.FromHours(2))) { RecordedAt = T0.AddDays(8) };
        var pulled = new CheckIn("kr-activation", 29.25, T0.AddDays(3)) { Source = "http https://metrics.example/nps#/data/value", RecordedAt = T0.AddDays(3) };

        Assert.True(await store.AppendCheckInAsync(late));
        Assert.True(await store.AppendCheckInAsync(early));
        Assert.True(await OpenStore().AppendCheckInAsync(pulled));

        var read = await ReadCheckInsAsync(OpenStore(), "kr-activation");
        Assert.Equal([27, 29.25, 31.5], read.Select(c => c.Value));
        Assert.Equal((early.At, early.At.Offset), (read[0].At, read[0].At.Offset));
        var last = read[2];
        Assert.Equal((Confidence.AtRisk, "after the onboarding change", "ana@example.com", (string?)null, late.RecordedAt), (last.Confidence, last.Note, last.By, last.Source, last.RecordedAt));
        Assert.Equal("http https://metrics.example/nps#/data/value", read[1].Source);
    }

    [Fact]
    public async Task AppendCheckIn_SameIdInstantAndValue_IsRecordedOnce()
    {
        var store = OpenStore();
        var first = new CheckIn("kr-nps", 41, T0) { Note = "first", RecordedAt = T0 };
        var again = new CheckIn("kr-nps", 41, T0.ToOffset(TimeSpan.FromHours(-5))) { Note = "a retry", RecordedAt = T0.AddMinutes(1) };

        Assert.True(await store.AppendCheckInAsync(first));
        Assert.False(await store.AppendCheckInAsync(again));
        Assert.False(await OpenStore().AppendCheckInAsync(first));

        var read = await ReadCheckInsAsync(OpenStore(), "kr-nps");
        Assert.Equal("first", Assert.Single(read).Note);
    }

    [Fact]
    public async Task AppendCheckIn_SameInstantOtherValue_KeepsBothInRecordedOrder()
    {
        var store = OpenStore();

        Assert.True(await store.AppendCheckInAsync(new CheckIn("kr-nps", 41, T0) { RecordedAt = T0.AddHours(1) }));
        Assert.True(await store.AppendCheckInAsync(new CheckIn("kr-nps", 40, T0) { RecordedAt = T0.AddHours(2) }));

        var read = await ReadCheckInsAsync(OpenStore(), "kr-nps");
        Assert.Equal([41, 40], read.Select(c => c.Value));
        Assert.Equal(40, MetricReadingsOf(read, "kr-nps"));
    }

    [Fact]
    public async Task ReadAllCheckIns_SeveralMetrics_ByIdThenTime()
    {
        var store = OpenStore();
        await store.AppendCheckInAsync(new CheckIn("kr.b", 2, T0.AddDays(1)) { RecordedAt = T0 });
        await store.AppendCheckInAsync(new CheckIn("kr.a", 9, T0.AddDays(2)) { RecordedAt = T0 });
        await store.AppendCheckInAsync(new CheckIn("kr.b", 1, T0) { RecordedAt = T0 });
        await store.AppendCheckInAsync(new CheckIn("kr-a", 5, T0) { RecordedAt = T0 });

        var all = new List<CheckIn>();
        await foreach (var checkIn in OpenStore().ReadAllCheckInsAsync())
        {
            all.Add(checkIn);
        }

        Assert.Equal(["kr-a:5", "kr.a:9", "kr.b:1", "kr.b:2"], all.Select(c => $"{c.MetricId}:{c.Value}"));
        Assert.Empty(await ReadCheckInsAsync(OpenStore(), "kr-unknown"));
    }

    private static async Task<List<CheckIn>> ReadCheckInsAsync(Core.Ports.ICheckInLog log, string id)
    {
        var read = new List<CheckIn>();
        await foreach (var checkIn in log.ReadCheckInsAsync(id))
        {
            read.Add(checkIn);
        }
        return read;
    }

    private static double? MetricReadingsOf(IReadOnlyList<CheckIn> checkIns, string id) =>
        MetricReadings.Resolve([new MeasuredMetric(id, id, MeasuredMetrics.KeyResult, new Core.Strategy.Metric("%", 0, 100, null), null)], checkIns, DateTimeOffset.MaxValue).For(id)?.Value;
}
