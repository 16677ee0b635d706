using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Functions.Tests.Storage;

/// <summary>
/// The current report stored in parts (a head, runs of findings, runs of work items, under a manifest swapped last and
/// conditionally): an event writes what it changed, readers see one whole report, and what was stored whole before
/// is still read. Observed underneath the store: the part rows (SQLite) or entities (Azurite) it holds.
/// </summary>
public abstract partial class WorkStoreAdapterContract
{
    /// <summary>The report parts stored underneath the store, name → stored bytes.</summary>
    protected abstract Task<IReadOnlyDictionary<string, long>> StoredReportPartsAsync(string scope = MainScope);

    /// <summary>Makes <paramref name="store"/> run <paramref name="pause"/> after it wrote a report's parts, before it swaps the manifest.</summary>
    protected abstract void PauseBeforeReportManifest(IWorkStore store, Func<CancellationToken, Task> pause);

    [Fact]
    public async Task SaveCurrentReport_AfterAOneItemChange_WritesOnlyTheHeadAndTheRunsHoldingThatItem()
    {
        var store = OpenStore();
        var before = SampleReports.WithItems(20_000, T0);
        await store.SaveCurrentReportAsync(before);
        var partsBefore = await StoredReportPartsAsync();

        var after = SampleReports.WithOneItemRetitled(before, 12_345, "Retitled by one event");
        await store.SaveCurrentReportAsync(after);
        var partsAfter = await StoredReportPartsAsync();

        var written = partsAfter.Keys.Except(partsBefore.Keys).ToList();
        var bytesWritten = written.Sum(n => partsAfter[n]);
        var bytesStored = partsAfter.Values.Sum();
        Console.WriteLine($"{GetType().Name}: one item changed in 20,000: {written.Count} of {partsAfter.Count} parts written, {bytesWritten:N0} of {bytesStored:N0} bytes");
        Assert.True(partsBefore.Count > 40, $"20,000 items and their findings make {partsBefore.Count} parts");
        Assert.Equal(3, written.Count); // the head, the run of findings and the run of items holding it
        Assert.InRange(partsBefore.Keys.Except(partsAfter.Keys).Count(), 0, 3); // replaced ones go now (SQLite) or with the next write (Table Storage)
        Assert.InRange(bytesWritten, 1, bytesStored / 10);
        Assert.Equal(Json(after), Json(await OpenStore().ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task SaveCurrentReport_ManyEditsKeepingUnchangedInstances_EachReadsBackExactly()
    {
        // The live report hands the store the same instances for unchanged items and findings: the store reuses the
        // runs it cut last time by identity. Inserts, removals and replacements anywhere (at the ends too) must still
        // read back as exactly the report saved.
        var random = new Random(17);
        var writer = OpenStore();
        var report = SampleReports.WithItems(6_000, T0);
        await writer.SaveCurrentReportAsync(report);
        for (var step = 0; step < 12; step++)
        {
            var items = report.WorkItems.ToList();
            var findings = report.Findings.ToList();
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                var at = random.Next(3) == 0 ? (random.Next(2) == 0 ? 0 : items.Count - 1) : random.Next(items.Count);
                switch (random.Next(3))
                {
                    case 0:
                        var where = random.Next(3) == 0 ? items.Count : at; // appended, or inserted before
                        items.Insert(where, items[at] with { Key = $"new/app#{step}-{edit}", Title = $"Inserted {step}" });
                        findings.Insert(Math.Min(where, findings.Count), new FindingJson("orphaned-work", $"new/app#{step}-{edit}", $"Inserted {step}.", null, null));
                        break;
                    case 1:
                        items.RemoveAt(at);
                        findings.RemoveAt(Math.Min(at, findings.Count - 1));
                        break;
                    default:
                        items[at] = items[at] with { Title = $"Changed at step {step}" };
                        break;
                }
            }
            report = report with { WorkItems = items, Findings = findings, AsOf = T0.AddMinutes(step + 1) };
            await writer.SaveCurrentReportAsync(report);
            Assert.Equal(Json(report), Json(await OpenStore().ReadCurrentReportAsync()));
        }
    }

    [Fact]
    public async Task SaveCurrentReport_LiveReportListsChangedInPlace_EachReadsBackExactly()
    {
        // As the live report hands them over: each report's lists are snapshots of chunked lists changed in place
        // (an element set, appended, or removed by moving the last one into its hole), joined with small lists made
        // anew. The store skips runs whose chunks the last report shared; whatever it skips must still read back.
        var random = new Random(23);
        var writer = OpenStore();
        var sample = SampleReports.WithItems(3 * SnapshotList<WorkItemJson>.ChunkSize + 100, T0);
        var items = new SnapshotList<WorkItemJson>();
        var findings = new SnapshotList<FindingJson>();
        foreach (var item in sample.WorkItems)
        {
            items.Add(item);
        }
        foreach (var finding in sample.Findings)
        {
            findings.Add(finding);
        }
        for (var step = 0; step < 14; step++)
        {
            FindingJson[] onStrategy = [new("outputs-without-outcome", "kr1", $"Step {step}.", "b1", null)];
            var report = sample with
            {
                AsOf = T0.AddMinutes(step),
                WorkItems = items.Snapshot(),
                Findings = new ConcatenatedList<FindingJson>(onStrategy, findings.Snapshot()) { AboutItems = new HashSet<int> { 1 } },
            };
            await writer.SaveCurrentReportAsync(report);
            Assert.Equal(Json(report), Json(await OpenStore().ReadCurrentReportAsync()));

            for (var edit = random.Next(0, 4); edit > 0; edit--)
            {
                var at = random.Next(items.Count);
                switch (random.Next(4))
                {
                    case 0:
                        items.Add(items[at] with { Key = $"new/app#{step}-{edit}", Title = $"Added at step {step}" });
                        findings.Add(new FindingJson("orphaned-work", $"new/app#{step}-{edit}", $"Added {step}.", null, null));
                        break;
                    case 1:
                        items.RemoveAt(at);
                        findings.RemoveAt(Math.Min(at, findings.Count - 1));
                        break;
                    default:
                        items.Set(at, items[at] with { Title = $"Changed at step {step}" });
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task SaveCurrentReport_LargeReportInParts_ReadsBackExactlyFreshAndAfterAnEarlierRead()
    {
        var first = SampleReports.WithItems(30_000, T0, strategy: "first");
        var second = SampleReports.WithOneItemRetitled(SampleReports.WithOneItemRetitled(first, 7, "seven") with { Strategy = "second" }, 29_999, "last");
        var reader = OpenStore();
        await OpenStore().SaveCurrentReportAsync(first);
        var readFirst = await reader.ReadCurrentReportAsync();

        await OpenStore().SaveCurrentReportAsync(second);

        var parts = await StoredReportPartsAsync();
        Assert.Contains(parts.Values, length => length > 64 * 1024);
        Assert.Equal(Json(first), Json(readFirst));
        Assert.Equal(Json(second), Json(await reader.ReadCurrentReportAsync()));
        Assert.Equal(Json(second), Json(await OpenStore().ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task SaveCurrentReportIf_OlderGeneration_IsRefusedAndLeavesTheStoredReportAndItsPartsIntact()
    {
        var stored = SampleReports.WithItems(5_000, T0, strategy: "stored");
        await OpenStore().SaveCurrentReportIfAsync(stored, expectedGeneration: 0);
        await OpenStore().SaveCurrentReportIfAsync(stored with { Strategy = "newer" }, expectedGeneration: 1);
        var partsBefore = await StoredReportPartsAsync();

        var stale = await OpenStore().SaveCurrentReportIfAsync(SampleReports.WithOneItemRetitled(stored, 3, "stale") with { Strategy = "stale" }, expectedGeneration: 1);

        Assert.Equal((false, 2L), (stale.Written, stale.Generation));
        Assert.Equal(Json(stored with { Strategy = "newer" }), Json(await OpenStore().ReadCurrentReportAsync()));
        Assert.Equal(partsBefore.OrderBy(p => p.Key), (await StoredReportPartsAsync()).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task ReadCurrentReport_WhileAWriterIsBetweenItsPartsAndItsManifest_SeesTheOldReportWholeThenTheNewOne()
    {
        var a = SampleReports.WithItems(5_000, T0, strategy: "A");
        var b = SampleReports.WithOneItemRetitled(SampleReports.WithItems(6_000, T0.AddHours(1), strategy: "B"), 10, "B's own");
        await OpenStore().SaveCurrentReportAsync(a);
        var reader = OpenStore();
        await reader.ReadCurrentReportAsync();
        string? during = null;
        var writer = OpenStore();
        PauseBeforeReportManifest(writer, async _ => during = Json(await OpenStore().ReadCurrentReportAsync()) + Json(await reader.ReadCurrentReportAsync()));

        var write = await writer.SaveCurrentReportIfAsync(b, expectedGeneration: 1);

        Assert.True(write.Written);
        Assert.Equal(Json(a) + Json(a), during);
        Assert.Equal(Json(b), Json(await reader.ReadCurrentReportAsync()));
        Assert.Equal(Json(b), Json(await OpenStore().ReadCurrentReportAsync()));
    }

    [Fact]
    public async Task ReadCurrentReport_WhileTheSameAndAnotherStoreWrite_IsAlwaysOneWholeReportWritten()
    {
        var reports = new List<ReportDocument> { SampleReports.WithItems(3_000, T0, strategy: "r0") };
        for (var i = 1; i < 6; i++)
        {
            reports.Add(SampleReports.WithOneItemRetitled(reports[^1], i * 450, $"r{i}") with { Strategy = $"r{i}" });
        }
        var written = reports.Select(Json).ToHashSet();
        var shared = OpenStore();
        var other = OpenStore();
        await shared.SaveCurrentReportAsync(reports[0]);
        var done = false;

        async Task<List<string>> ReadUntilDoneAsync(IWorkStore store)
        {
            var seen = new List<string>();
            while (!Volatile.Read(ref done) || seen.Count < 3)
            {
                seen.Add(Json(await store.ReadCurrentReportAsync()));
            }
            return seen;
        }

        var readers = new[] { Task.Run(() => ReadUntilDoneAsync(shared)), Task.Run(() => ReadUntilDoneAsync(other)) };
        foreach (var (report, i) in reports.Skip(1).Select((r, i) => (r, i)))
        {
            await (i % 2 == 0 ? shared : other).SaveCurrentReportAsync(report);
        }
        Volatile.Write(ref done, true);
        var seen = (await Task.WhenAll(readers)).SelectMany(s => s).ToList();

        Assert.All(seen, json => Assert.Contains(json, written));
        Assert.Equal(Json(reports[^1]), Json(await OpenStore().ReadCurrentReportAsync()));
    }

    private static string Json(ReportDocument? report) =>
        report is null ? "null" : JsonSerializer.Serialize(report, ReportJsonContext.Default.ReportDocument);
}
