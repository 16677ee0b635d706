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
            $"The ceiling writes the same entities (read back from the sync's table) into a fresh Azurite with `SubmitTransactionAsync`, 100 per transaction, one partition each, {r0.Ceiling.Parallelism} at a time (the store's default parallelism) and 1 at a time (as one lane of the sync engine writes: one page, then the next); each ceiling run gets a fresh emulator.").AppendLine();
        Fmt.Table(md, ["items", "sync", "items/s (N ÷ sync)", $"ceiling, {r0.Ceiling.Parallelism} at a time", "ceiling, 1 at a time", "sync ÷ ceiling (the faster)", "realign", "stored report (gzip)"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.S(r.Full.SyncSeconds), Fmt.N(r.ItemsPerSecond), Fmt.N(r.Ceiling.EntitiesPerSecond) + "/s",
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
        md.AppendLine("Peak working set (resident set high-water mark). The sync process holds only the sync; the fake trackers run in the benchmark's own process and Azurite in a node process, reported apart:").AppendLine();
        Fmt.Table(md, ["items", "sync process: sync", "sync process: sync + realign", "sampled every 100 ms, both phases", "Azurite (node)", "fake trackers + benchmark"],
            sync.Select(r => (IReadOnlyList<string>)[Fmt.N(r.Items), Fmt.Mb(r.Full.PeakWorkingSetSyncBytes), Fmt.Mb(r.Full.PeakWorkingSetBytes), Fmt.Mb(r.SyncProcessSampledPeakBytes),
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
        md.AppendLine("## 3. Webhook path (`okrsync serve`, Azurite)").AppendLine();
        md.AppendLine($"`okrsync serve` as its own process (the built executable) on a private Azurite holding the stored items; signed GitHub `issues.opened` deliveries (each a new aligned issue) sent open-loop at a fixed rate over loopback, after 20 warm-up events. " +
            $"*202* is the client-side time to the answer. *Visible*: `{webhooks[0].VisibleProbe}` is polled one request at a time; when the total has grown by k, the k-th event sent counts as visible.").AppendLine();
        Fmt.Table(md, ["events", "rate", "stored items", "202s", "failed", "202 p50", "202 p99", "202 max", "visible", "visible p50", "visible p99", "visible max", "rollup polls (mean duration)", "CPU per event: serve, Azurite"],
            webhooks.Select(w => (IReadOnlyList<string>)[Fmt.N(w.Events), Fmt.N(w.RatePerSecond) + "/s", Fmt.N(w.StoredItems), Fmt.N(w.Accepted), Fmt.N(w.Failed),
                Fmt.Ms(w.AcceptP50Milliseconds), Fmt.Ms(w.AcceptP99Milliseconds), Fmt.Ms(w.AcceptMaxMilliseconds), Fmt.N(w.Visible),
                Fmt.Ms(w.VisibleP50Milliseconds), Fmt.Ms(w.VisibleP99Milliseconds), Fmt.Ms(w.VisibleMaxMilliseconds), $"{Fmt.N(w.Polls)} ({Fmt.Ms(w.MeanPollMilliseconds)})",
                $"{Fmt.Ms(1000 * (w.ServeCpuSeconds ?? double.NaN) / w.Events)}, {Fmt.Ms(1000 * (w.AzuriteCpuSeconds ?? double.NaN) / w.Events)}"]));
    }
}
