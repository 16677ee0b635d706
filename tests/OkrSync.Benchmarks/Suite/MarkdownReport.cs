using System.Text;

namespace OkrSync.Benchmarks.Suite;

/// <summary>The results as markdown: machine, one section per part, scaling and targets (see <see cref="Verdicts"/>).</summary>
internal static class MarkdownReport
{
    public static string Render(BenchmarkResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var m = results.Machine;
        var md = new StringBuilder("# OkrSync benchmarks\n\n");
        md.AppendLine($"Run {results.StartedAt:yyyy-MM-dd HH:mm zzz} on {m.ProcessorCount} cores ({m.Cpu}), {m.Memory} RAM, {m.Runtime}, {m.Os}, Azurite {m.Azurite ?? "?"}.");
        md.AppendLine($"Command: `dotnet run -c Release --project tests/OkrSync.Benchmarks -- {results.Command}`");
        if (results.Load.Count > 0)
        {
            md.AppendLine().AppendLine("Load average when each part ended (1 min / 5 min; " + m.ProcessorCount + " cores; the run itself keeps 2-3 processes busy, more means other work competed): " +
                string.Join(", ", results.Load.Select(l => $"{l.After} {Fmt.N(l.OneMinute, 1)} / {Fmt.N(l.FiveMinutes, 1)}")) + ".");
        }
        md.AppendLine();
        if (results.Sync.Count > 0)
        {
            Sync(md, results.Sync);
            Idle(md, results.Sync);
        }
        if (results.Webhooks.Count > 0)
        {
            Webhooks(md, results.Webhooks);
        }
        if (results.TwoInstances.Count > 0)
        {
            TwoInstances(md, results.TwoInstances);
        }
        if (results.Align.Count > 0)
        {
            md.AppendLine("## 4. Align + rollup").AppendLine();
            md.AppendLine($"`Rollups.Compute(index, Aligner.Align(index, items))` on synthetic items (5 bets × 5 KRs × 3 initiatives), in a child process ({(results.Align[0].Cores == 1 ? "pinned to one core with `taskset -c 0`, " : "")}{results.Align[0].GcMode} GC; okrsync runs with {(OkrSyncRuntime.ServerGc ? "server" : "workstation")} GC); median of {results.Align[0].Runs} runs after 2 warm-ups; bytes allocated on all threads.").AppendLine();
            Fmt.Table(md, ["items", "median", "fastest", "per item", "allocated per item"],
                results.Align.Select(a => (IReadOnlyList<string>)[Fmt.N(a.Items), Fmt.Ms(a.MedianMilliseconds), Fmt.Ms(a.MinMilliseconds), Fmt.N(a.NanosecondsPerItem) + " ns", Fmt.N(a.AllocatedBytesPerItem) + " B"]));
        }
        Verdicts.Scaling(md, results);
        Verdicts.Targets(md, results);
        if (results.Notes.Count > 0)
        {
            md.AppendLine("Notes:").AppendLine();
            results.Notes.ToList().ForEach(n => md.AppendLine("- " + n));
            md.AppendLine();
        }
        return md.ToString();
    }

    private static void Sync(StringBuilder md, IReadOnlyList<SyncSizeResult> sync)
    {
        var r0 = sync[0];
        md.AppendLine("## 1. Full sync into Table Storage (Azurite)").AppendLine();
        md.AppendLine($"N items, half GitHub ({r0.Repositories} repositories), half Jira Cloud ({r0.Projects} projects), fake trackers on loopback, into an empty store. " +
            $"The sync runs in its own process ({r0.Full.GcMode} GC; okrsync runs with {(OkrSyncRuntime.ServerGc ? "server" : "workstation")} GC) with the production connectors, `SyncEngine` and `TableWorkStore`; " +
            "*sync* is the engine's run (fetch, version lookups, batched writes, cursors); *realign* is what `okrsync sync` does next (read all items, align, store the report). " +
            $"The sync runs {r0.Runs.Count(r => !r.Warm)} time(s), each in a fresh Azurite and process; the tables show the fastest run, as the ceiling shows its fastest. " +
            $"The ceiling writes the same entities (read back from the sync's table) into a fresh Azurite with the store's own transaction writer (`EntityTransactions`), 100 per transaction, one partition each, {r0.Ceiling.Parallelism} at a time (the store's default parallelism; the fastest of 3 runs, which alternate with the sync's runs) and 1 at a time (as one lane of the sync engine writes: one page, then the next); each ceiling run gets a fresh emulator.").AppendLine();
        Fmt.Table(md, ["items", "sync", "items/s (N ÷ sync)", $"ceiling, {r0.Ceiling.Parallelism} at a time", "ceiling, 1 at a time", "sync ÷ ceiling (the faster)", "realign", "stored report (gzip)"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.S(r.Full.SyncSeconds), Fmt.N(r.ItemsPerSecond), Fmt.N(r.Ceiling.EntitiesPerSecond) + "/s" + (r.CeilingRunsPerSecond.Count > 1 ? $" (runs: {string.Join(", ", r.CeilingRunsPerSecond.Select(c => Fmt.N(c)))})" : ""),
                r.SequentialCeiling is { } s ? Fmt.N(s.EntitiesPerSecond) + "/s" : "-", Fmt.N(r.ShareOfCeiling, 2), Fmt.S(r.Full.RealignSeconds), Fmt.Mb(r.StoredReportBytes)]));
        md.AppendLine("Calls and writes (list calls counted by the fake trackers; storage requests on the wire, retries included):").AppendLine();
        Fmt.Table(md, ["items", "list calls", "minimum ⌈n/100⌉", "÷ minimum", "over minimum", "all API calls", "entities written", "entities stored", "transactions", "entities / transaction", "storage reads (sync)", "other storage writes"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.N(r.FullCalls.ListCalls), Fmt.N(r.MinimumListCalls), Fmt.N((double)r.FullCalls.ListCalls / r.MinimumListCalls, 3), "+" + Fmt.N(r.ListCallsOverMinimum), Fmt.N(r.FullCalls.Total),
                Fmt.N(r.Full.Written), Fmt.N(r.StoredEntities), Fmt.N(r.Full.SyncStorage.Batches), Fmt.N((double)r.Full.Written / Math.Max(1, r.Full.SyncStorage.Batches), 1),
                Fmt.N(r.Full.SyncStorage.Reads), Fmt.N(r.Full.SyncStorage.OtherWrites)]));
        md.AppendLine("Where the sync's time went. The engine fetches a source's next page while it writes the current one, and runs the GitHub and the Jira sources side by side (one lane per tracker), " +
            "so the store's waits are summed over both lanes and overlap the fetches: *store waits ÷ sync* near 2 means both lanes spent all their time waiting on the store, below 1 that the trackers were the wait. " +
            "An upsert is version lookups (12 keys per query, 8 at a time) plus one batch write per page. " +
            "CPU is counted per process (Azurite and the trackers from the sync process's start); *cores busy* is the sum ÷ the sync's wall time (2 = both cores saturated):").AppendLine();
        Fmt.Table(md, ["items", "sync", "store waits ÷ sync", "store upserts", "of which batch writes", "of which lookups and the rest", "cursor reads/writes", "lookup queries", "mean lookup latency", "CPU: sync, Azurite, trackers (cores busy)", "CPU of the 1-at-a-time ceiling: client, Azurite"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.S(r.Full.SyncSeconds), Fmt.N(r.Full.StoreWaitShare(), 2), Fmt.S(r.Full.UpsertSeconds), Fmt.S(r.Full.SyncStorage.BatchSeconds),
                Fmt.S(r.Full.UpsertSeconds - r.Full.SyncStorage.BatchSeconds), Fmt.S(r.Full.CursorSeconds), Fmt.N(r.Full.SyncStorage.Reads), Fmt.Ms(1000 * r.Full.SyncStorage.ReadSeconds / Math.Max(1, r.Full.SyncStorage.Reads)), Cpu(r),
                r.SequentialCeiling is { ClientCpuSeconds: { } client, AzuriteCpuSeconds: { } node } ? $"{Fmt.S(client)}, {Fmt.S(node)}" : "n/a"]));
        if (sync.Any(r => r.Runs.Count > 1))
        {
            md.AppendLine("Every run of the full sync (the tables above show the fastest cold run; the fake trackers are warmed up once, before the first run). " +
                "A *cold* process is fresh, as `okrsync sync` on the command line; a *warm* one has synced and realigned the same fleet into a private Azurite first, so its code is compiled, as in `okrsync serve` or a warm Functions instance:").AppendLine();
            Fmt.Table(md, ["items", "run", "process", "sync", "sync ÷ ceiling", "CPU: sync, Azurite, trackers", "peak: sync, sync + realign"],
                sync.SelectMany(r => r.Runs.Select((run, i) => (IReadOnlyList<string>)[Fmt.N(r.Items), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), run.Warm ? "warm" : "cold", Fmt.S(run.SyncSeconds),
                    Fmt.N(r.Items / run.SyncSeconds / r.CeilingPerSecond, 2), $"{Fmt.S(run.SyncCpuSeconds)}, {(run.AzuriteCpuSeconds is { } a ? Fmt.S(a) : "n/a")}, {(run.FakesCpuSeconds is { } f ? Fmt.S(f) : "n/a")}",
                    $"{Fmt.Mb(run.PeakSyncBytes)}, {Fmt.Mb(run.PeakSyncRealignBytes)}"])));
        }
        md.AppendLine("Peak working set (resident set high-water mark; with several runs, the highest of the cold runs). The sync process holds only the sync; the fake trackers run in the benchmark's own process and Azurite in a node process, reported apart:").AppendLine();
        Fmt.Table(md, ["items", "sync process: sync", "sync process: sync + realign", "sampled every 100 ms, both phases", "Azurite (node)", "fake trackers + benchmark"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.Mb(r.HighestSyncPeakBytes), Fmt.Mb(r.HighestPeakBytes), Fmt.Mb(r.SyncProcessSampledPeakBytes),
                Fmt.Mb(r.AzuriteSyncPeakBytes), Fmt.Mb(r.FakesProcessPeakBytes)]));
    }

    private static string Cpu(SyncSizeResult r)
    {
        if (r.Full.SyncCpuSeconds == 0 || r.AzuriteFullSyncCpuSeconds is not { } azurite || r.FakesFullSyncCpuSeconds is not { } fakes)
        {
            return "n/a";
        }
        var total = r.Full.SyncCpuSeconds + azurite + fakes;
        return $"{Fmt.S(r.Full.SyncCpuSeconds)}, {Fmt.S(azurite)}, {Fmt.S(fakes)} ({Fmt.N(total / r.Full.SyncSeconds, 2)})";
    }

    private static void Idle(StringBuilder md, IReadOnlyList<SyncSizeResult> sync)
    {
        md.AppendLine("## 2. Idle incremental sync, right after").AppendLine();
        md.AppendLine("Same process, same store, nothing changed in the trackers. GitHub polls conditionally (the ETag kept in the cursor); Jira has no conditional requests, so each project costs one search (with a 2-minute overlap).").AppendLine();
        Fmt.Table(md, ["items", "API calls", "GitHub list calls", "answered 304", "Jira searches", "items fetched", "entities written", "storage writes (sync)", "sync", "realign", "report rewritten", "peak (idle)"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.N(r.IdleCalls.Total), Fmt.N(r.IdleCalls.GitHubList), Fmt.N(r.IdleCalls.GitHub304), Fmt.N(r.IdleCalls.JiraSearch),
                Fmt.N(r.Idle.Fetched), Fmt.N(r.Idle.Written), Fmt.N(r.Idle.SyncStorage.Batches + r.Idle.SyncStorage.OtherWrites), Fmt.S(r.Idle.SyncSeconds), Fmt.S(r.Idle.RealignSeconds),
                r.Idle.ReportWritten ? "yes" : "no", r.Idle.PeakResetBeforePhase ? Fmt.Mb(r.Idle.PeakWorkingSetBytes) : "n/a"]));
    }

    private static void Webhooks(StringBuilder md, IReadOnlyList<WebhookResult> webhooks)
    {
        md.AppendLine("## 3. Webhook path (`okrsync serve` on Table Storage and on SQLite)").AppendLine();
        md.AppendLine($"`okrsync serve` as its own process (the built executable) on a store holding the stored items: *tables* is {WebhookStores.Describe(WebhookStores.Tables)}, a private in-memory emulator seeded with the entities `TableWorkStore` writes; " +
            $"*sqlite* is {WebhookStores.Describe(WebhookStores.Sqlite)}: serve started with no store settings in a folder whose `.okrsync/okrsync.db` was seeded through `SqliteWorkStore` itself. " +
            "Signed GitHub `issues.opened` deliveries (each a new aligned issue) sent open-loop at a fixed rate over loopback, after 20 warm-up events. " +
            $"*202* is the client-side time to the answer. *Visible*: `{webhooks[0].VisibleProbe}` is polled one request at a time; when the total has grown by k, the k-th event sent counts as visible.").AppendLine();
        Fmt.Table(md, ["store", "events", "rate", "stored items", "202s", "failed", "202 p50", "202 p99", "202 max", "visible", "visible p50", "visible p99", "visible max", "rollup polls (mean duration)", "CPU per event: serve, Azurite"],
            webhooks.Select(w => (IReadOnlyList<string>)[w.Store, Fmt.N(w.Events), Fmt.N(w.RatePerSecond) + "/s", Fmt.N(w.StoredItems), Fmt.N(w.Accepted), Fmt.N(w.Failed),
                Fmt.Ms(w.AcceptP50Milliseconds), Fmt.Ms(w.AcceptP99Milliseconds), Fmt.Ms(w.AcceptMaxMilliseconds), Fmt.N(w.Visible),
                Fmt.Ms(w.VisibleP50Milliseconds), Fmt.Ms(w.VisibleP99Milliseconds), Fmt.Ms(w.VisibleMaxMilliseconds), $"{Fmt.N(w.Polls)} ({Fmt.Ms(w.MeanPollMilliseconds)})",
                $"{Fmt.Ms(1000 * (w.ServeCpuSeconds ?? double.NaN) / w.Events)}, {(w.AzuriteCpuSeconds is { } node ? Fmt.Ms(1000 * node / w.Events) : "-")}"]));
        var withMemory = webhooks.Where(w => w.Memory is not null).ToList();
        if (withMemory.Count > 0)
        {
            md.AppendLine("Memory of `okrsync serve` (one process per store and stored size, its runs in order): working set (VmRSS) before the run's first event, the highest sampled every 250 ms during the run, right after it, and the kernel's peak (VmHWM, since serve started: the first load included). " +
                "*Per stored item* divides by the stored items, the fixed base included. Seeding writes the items before serve starts (not part of a run); the first report is serve's first `/ScheduledSync` (load every item, align, store).").AppendLine();
            Fmt.Table(md, ["store", "stored items", "events", "seeding", "first report", "before", "highest during", "after", "peak (VmHWM)", "peak per stored item", "after per stored item", "goal", "Azurite peak"],
                withMemory.Select(w => (IReadOnlyList<string>)[w.Store, Fmt.N(w.StoredItems), Fmt.N(w.Events), w.SeedSeconds is { } seed ? Fmt.S(seed) : "n/a", w.FirstReportSeconds is { } first ? Fmt.S(first) : "n/a",
                    Fmt.Mb(w.Memory!.BeforeBytes), Fmt.Mb(w.Memory.HighestSampledBytes), Fmt.Mb(w.Memory.AfterBytes), Fmt.Mb(w.Memory.PeakBytes),
                    PerItem(w.Memory.PeakPerItem), PerItem(w.Memory.AfterPerItem), Verdicts.ServeMemoryGoal(w.StoredItems) is { } goal ? "≤ " + Fmt.Mb(goal) : "-", Fmt.Mb(w.AzuritePeakBytes)]));
        }
    }

    private static string PerItem(double? bytes) => bytes is { } b ? Fmt.N(b) + " B" : "n/a";

    private static void TwoInstances(StringBuilder md, IReadOnlyList<TwoInstanceResult> runs)
    {
        md.AppendLine("## 3b. Two instances on one store").AppendLine();
        md.AppendLine("Two `okrsync serve` processes on one private Azurite (one store, one `tracker-events` queue; distinct ports), after one first report and 20 warm-up events; the deliveries go to the two in turn at the fixed rate, and `/api/rollup` is polled from both in turn. " +
            "Then, once the queue is empty and both answer the expected total with the same ETag twice a second apart (*drain*, counted from the last event visible), each instance's `/api/rollup` (summary, every bet's, key result's and initiative's output, the findings) and `/api/findings` are compared with " +
            "`okrsync report --store tables:… --as-of <the stored report's time> --format json`, which recomputes from every stored item. *Converged*: no difference at all, and no poison-event.").AppendLine();
        Fmt.Table(md, ["stored items", "events", "202s (instance 1 / 2)", "202 p50", "202 p99", "202 max", "visible", "visible p50", "visible p99", "drain", "converged", "facts compared", "recompute (CLI)", "peak working set (instance 1 / 2)", "CPU per event: both serves, Azurite"],
            runs.Select(t => (IReadOnlyList<string>)[Fmt.N(t.Run.StoredItems), Fmt.N(t.Run.Events), string.Join(" / ", (t.Run.AcceptedByInstance ?? []).Select(a => Fmt.N(a))),
                Fmt.Ms(t.Run.AcceptP50Milliseconds), Fmt.Ms(t.Run.AcceptP99Milliseconds), Fmt.Ms(t.Run.AcceptMaxMilliseconds), Fmt.N(t.Run.Visible),
                Fmt.Ms(t.Run.VisibleP50Milliseconds), Fmt.Ms(t.Run.VisibleP99Milliseconds), t.Drained ? Fmt.S(t.DrainSeconds) : $"not drained after {Fmt.S(t.DrainSeconds)}",
                t.Converged ? "**yes**" : "**no**", Fmt.N(t.ComparedFacts), Fmt.S(t.ReferenceSeconds), string.Join(" / ", t.PeakBytesByInstance.Select(Fmt.Mb)),
                $"{Fmt.Ms(1000 * (t.Run.ServeCpuSeconds ?? double.NaN) / t.Run.Events)}, {Fmt.Ms(1000 * (t.Run.AzuriteCpuSeconds ?? double.NaN) / t.Run.Events)}"]));
        foreach (var run in runs.Where(r => r.Differences.Count > 0))
        {
            md.AppendLine($"Differences at {Fmt.N(run.Run.StoredItems)} stored items:").AppendLine();
            run.Differences.ToList().ForEach(d => md.AppendLine("- " + d));
            md.AppendLine();
        }
    }
}
