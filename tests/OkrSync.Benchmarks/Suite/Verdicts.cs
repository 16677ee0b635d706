using System.Text;

namespace OkrSync.Benchmarks.Suite;

/// <summary>Part 5 (how each figure grows from the smallest to the largest N) and the issue's targets, met or missed.</summary>
internal static class Verdicts
{
    public const double MinShareOfCeiling = 0.8, MaxAcceptP99Ms = 20, MaxVisibleP99Ms = 250, MaxAlign1MMs = 1_000, MaxPeakMb = 300;

    /// <summary>Issue 17's stored sizes for the webhook goals, and serve's working-set goal at each.</summary>
    public static readonly IReadOnlyList<(int Stored, long ServeBytes)> WebhookGoals = [(100_000, 250L * 1048576), (1_000_000, 1536L * 1048576)];

    /// <summary>Serve's working-set goal at <paramref name="stored"/> items (issue 17), or null where it sets none.</summary>
    public static long? ServeMemoryGoal(int stored) => WebhookGoals.Where(g => g.Stored == stored).Select(g => (long?)g.ServeBytes).FirstOrDefault();

    public static void Scaling(StringBuilder md, BenchmarkResults results)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (results.Sync.Count >= 2)
        {
            var (a, b) = (results.Sync[0], results.Sync.Single(r => r.Items == results.Sync.Max(x => x.Items)));
            var middle = results.Sync.Where(r => r != a && r != b).ToList();
            void Row(string name, Func<SyncSizeResult, double> total, Func<double, string> show) => rows.Add(PerItemRow(
                name + string.Concat(middle.Select(m => $" ({Fmt.K(m.Items)}: {show(total(m) / m.Items)})")), a.Items, total(a), b.Items, total(b), show));
            Row("full sync time", r => r.Full.SyncSeconds, v => Fmt.N(v * 1e6) + " µs");
            Row("ceiling time (same entities)", r => r.Items / r.CeilingPerSecond, v => Fmt.N(v * 1e6) + " µs");
            Row("storage reads during sync", r => r.Full.SyncStorage.Reads, v => Fmt.N(v, 3));
            static double Lookup(SyncSizeResult r) => 1000 * r.Full.SyncStorage.ReadSeconds / Math.Max(1, r.Full.SyncStorage.Reads);
            rows.Add(["version lookup latency (mean)" + string.Concat(middle.Select(m => $" ({Fmt.K(m.Items)}: {Fmt.Ms(Lookup(m))})")), Fmt.Ms(Lookup(a)), Fmt.Ms(Lookup(b)),
                "×" + Fmt.N(Lookup(b) / Lookup(a), 2), $"latency, for ×{Fmt.N((double)b.Items / a.Items, 1)} items in the table"]);
            Row("batch transactions", r => r.Full.SyncStorage.Batches, v => Fmt.N(v, 4));
            Row("list API calls", r => r.FullCalls.ListCalls, v => Fmt.N(v, 4));
            Row("realign (read all, align, store report)", r => r.Full.RealignSeconds, v => Fmt.N(v * 1e6) + " µs");
            Row("idle sync time", r => r.Idle.SyncSeconds, v => Fmt.N(v * 1e6, 2) + " µs");
            Row("idle realign time", r => r.Idle.RealignSeconds, v => Fmt.N(v * 1e6) + " µs");
            var (peakA, peakB) = (a.Full.PeakWorkingSetBytes, b.Full.PeakWorkingSetBytes);
            rows.Add(["peak working set (sync + realign)", Fmt.Mb(peakA), Fmt.Mb(peakB), Fmt.N((double)peakB / peakA, 2) + " total for ×" + Fmt.N((double)b.Items / a.Items, 1) + " items",
                $"{Fmt.N((peakB - peakA) / (double)(b.Items - a.Items))} B per extra item on a {Fmt.Mb(peakA - (long)((peakB - peakA) / (double)(b.Items - a.Items) * a.Items))} base"]);
            rows.Add(["idle sync API calls (total)", Fmt.N(a.IdleCalls.Total), Fmt.N(b.IdleCalls.Total), "-", a.IdleCalls.Total == b.IdleCalls.Total ? "constant (independent of N)" : "changes with N"]);
        }
        var align = results.Align.OrderBy(x => x.Items).ToList();
        for (var i = 1; i < align.Count; i++)
        {
            rows.Add(PerItemRow($"align + rollup time ({Fmt.K(align[i - 1].Items)} → {Fmt.K(align[i].Items)})", align[i - 1].Items, align[i - 1].MedianMilliseconds, align[i].Items, align[i].MedianMilliseconds, v => Fmt.N(v * 1e6) + " ns"));
            rows.Add(PerItemRow($"align + rollup allocations ({Fmt.K(align[i - 1].Items)} → {Fmt.K(align[i].Items)})", align[i - 1].Items, align[i - 1].AllocatedBytesPerItem * align[i - 1].Items, align[i].Items, align[i].AllocatedBytesPerItem * align[i].Items, v => Fmt.N(v) + " B"));
        }
        var hooks = results.Webhooks.Where(w => w.Polls > 0 && w.Instances == 1).GroupBy(w => (w.Store, w.Events)).Select(g => g.OrderBy(w => w.StoredItems).ToList()).Where(g => g.Count >= 2 && g[0].StoredItems != g[^1].StoredItems).ToList();
        foreach (var runs in hooks)
        {
            var (a, b) = (runs[0], runs[^1]);
            var grow = $"×{Fmt.N((double)b.StoredItems / a.StoredItems, 1)} stored items";
            rows.Add([$"webhook 202 p99, {a.Store}, {Fmt.N(a.Events)} events ({Fmt.K(a.StoredItems)} → {Fmt.K(b.StoredItems)} stored)", Fmt.Ms(a.AcceptP99Milliseconds), Fmt.Ms(b.AcceptP99Milliseconds), "×" + Fmt.N(b.AcceptP99Milliseconds / a.AcceptP99Milliseconds, 2), "latency, for " + grow]);
            rows.Add([$"event → visible p50, {a.Store}, {Fmt.N(a.Events)} events ({Fmt.K(a.StoredItems)} → {Fmt.K(b.StoredItems)} stored)", Fmt.Ms(a.VisibleP50Milliseconds), Fmt.Ms(b.VisibleP50Milliseconds), "×" + Fmt.N(b.VisibleP50Milliseconds / a.VisibleP50Milliseconds, 2), "latency, for " + grow]);
            rows.Add([$"event → visible p99, {a.Store}, {Fmt.N(a.Events)} events ({Fmt.K(a.StoredItems)} → {Fmt.K(b.StoredItems)} stored)", Fmt.Ms(a.VisibleP99Milliseconds), Fmt.Ms(b.VisibleP99Milliseconds), "×" + Fmt.N(b.VisibleP99Milliseconds / a.VisibleP99Milliseconds, 2), "latency, for " + grow]);
        }
        foreach (var store in results.Webhooks.Where(w => w.Instances == 1 && w.Memory?.PeakBytes is not null).GroupBy(w => w.Store))
        {
            var bySize = store.GroupBy(w => w.StoredItems).Select(g => g.Last()).OrderBy(w => w.StoredItems).ToList();
            if (bySize.Count < 2)
            {
                continue;
            }
            var (a, b) = (bySize[0], bySize[^1]);
            var (peakA, peakB) = (a.Memory!.PeakBytes!.Value, b.Memory!.PeakBytes!.Value);
            var perExtra = (peakB - peakA) / (double)(b.StoredItems - a.StoredItems);
            rows.Add([$"okrsync serve peak working set, {store.Key} ({Fmt.K(a.StoredItems)} → {Fmt.K(b.StoredItems)} stored)", Fmt.Mb(peakA), Fmt.Mb(peakB),
                Fmt.N((double)peakB / peakA, 2) + " total for ×" + Fmt.N((double)b.StoredItems / a.StoredItems, 1) + " items",
                $"{Fmt.N(perExtra)} B per extra stored item on a {Fmt.Mb(peakA - (long)(perExtra * a.StoredItems))} base"]);
        }
        if (rows.Count == 0)
        {
            return;
        }
        md.AppendLine("## 5. Scaling").AppendLine();
        md.AppendLine("Cost per item at the smallest and the largest N (sizes in between in brackets); *linear* means the per-item cost stays within ±25%. Webhook rows compare latencies (not per item) at two stored sizes.").AppendLine();
        Fmt.Table(md, ["figure", "small N", "large N", "ratio", "growth"], rows);
    }

    public static void Targets(StringBuilder md, BenchmarkResults results)
    {
        var big = results.Sync.OrderBy(r => Math.Abs(r.Items - 100_000)).FirstOrDefault();
        var at = big is null ? "" : $" (at {Fmt.K(big.Items)})";
        var oneMillion = results.Align.FirstOrDefault(a => a.Items == 1_000_000);
        var constant = results.Sync.Select(r => r.ListCallsOverMinimum).Distinct().ToList();
        var rows = new List<IReadOnlyList<string>>
        {
            Target("full sync ≥ 0.8 × Azurite ceiling at 100k" + at, big is null ? null : $"{Fmt.N(big.ShareOfCeiling, 2)} × ({Fmt.N(big.ItemsPerSecond)} vs {Fmt.N(big.CeilingPerSecond)} items/s)" +
                (big.WarmShareOfCeiling is { } warm ? $"; in a warm process {Fmt.N(warm, 2)} × (not what the goal is held to)" : ""), big?.ShareOfCeiling >= MinShareOfCeiling),
            Target($"list calls = minimum + a documented constant (1 per GitHub repository: {results.Sync.FirstOrDefault()?.Repositories})",
                results.Sync.Count == 0 ? null : "over minimum: " + string.Join(", ", results.Sync.Select(r => $"+{r.ListCallsOverMinimum} at {Fmt.K(r.Items)}")),
                results.Sync.Count > 0 && results.Sync.All(r => r.ListCallsOverMinimum == r.Repositories)),
            Target("idle sync: 100% 304 on GitHub, 0 writes", results.Sync.Count == 0 ? null : string.Join("; ", results.Sync.Select(r =>
                    $"{Fmt.K(r.Items)}: {r.IdleCalls.GitHub304}/{r.IdleCalls.GitHubList} × 304, {r.Idle.Written} entities written")),
                results.Sync.Count > 0 && results.Sync.All(r => r.IdleCalls.GitHubList > 0 && r.IdleCalls.GitHub304 == r.IdleCalls.GitHubList && r.Idle.Written == 0)),
            Target("align + rollup of 1M items ≤ 1 s", oneMillion is null ? null : Fmt.Ms(oneMillion.MedianMilliseconds) + " median", oneMillion?.MedianMilliseconds <= MaxAlign1MMs),
            Target("peak working set of a 100k sync ≤ 300 MB" + at, big is null ? null : $"{Fmt.Mb(big.HighestSyncPeakBytes)} sync, {Fmt.Mb(big.HighestPeakBytes)} sync + realign{(big.Runs.Count(r => !r.Warm) > 1 ? $" (the highest of {big.Runs.Count(r => !r.Warm)} cold runs)" : "")}",
                big is not null && big.HighestPeakBytes <= MaxPeakMb * 1048576L),
        };
        rows.AddRange(WebhookTargets(results));
        md.AppendLine("## Targets").AppendLine();
        Fmt.Table(md, ["target", "measured", "verdict"], rows);
    }

    /// <summary>
    /// Issue 17: at 100k and at 1M stored items, at 10 events/s, on Table Storage and on SQLite alike: 202 p99 ≤ 20 ms,
    /// event → visible p99 ≤ 250 ms, serve's peak working set ≤ 250 MB / 1.5 GB; and two instances converge. A row is
    /// met only when every store it names was measured at that size and met it; the stores not measured are named.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> WebhookTargets(BenchmarkResults results)
    {
        var single = results.Webhooks.Where(w => w.Instances == 1).ToList();
        foreach (var (stored, serveBytes) in WebhookGoals)
        {
            var runs = single.Where(w => w.StoredItems == stored).ToList();
            var missing = new[] { WebhookStores.Tables, WebhookStores.Sqlite }.Where(s => runs.All(w => w.Store != s)).ToList();
            var gap = missing.Count == 0 ? "" : $"; {string.Join(" and ", missing)} not measured";
            string? Measured(Func<WebhookResult, string> show) => runs.Count == 0 ? null : string.Join(", ", runs.Select(w => $"{w.Store}: {show(w)}")) + gap;
            bool Met(Func<WebhookResult, bool> ok) => runs.Count > 0 && missing.Count == 0 && runs.All(ok);
            var at = $"{Fmt.K(stored)} stored, Table Storage and SQLite";
            yield return Target($"webhook 202 p99 ≤ 20 ms ({at})", Measured(w => $"{Fmt.Ms(w.AcceptP99Milliseconds)} ({Fmt.N(w.Events)} events at {Fmt.N(w.RatePerSecond)}/s)"),
                Met(w => w.AcceptP99Milliseconds <= MaxAcceptP99Ms && w.Failed == 0));
            yield return Target($"event → visible p99 ≤ 250 ms ({at})", Measured(w => w.Polls == 0 ? "not polled" : $"{Fmt.Ms(w.VisibleP99Milliseconds)} ({Fmt.N(w.Visible)}/{Fmt.N(w.Events)} visible)"),
                Met(w => w.Polls > 0 && w.VisibleP99Milliseconds <= MaxVisibleP99Ms && w.Visible == w.Events));
            yield return Target($"serve working set ≤ {Fmt.Size(serveBytes)} ({at}; the peak, VmHWM)", Measured(w => $"peak {Fmt.Mb(w.Memory?.PeakBytes)} ({Fmt.N(w.Memory?.PeakPerItem ?? double.NaN)} B per item), {Fmt.Mb(w.Memory?.AfterBytes)} after the run"),
                Met(w => w.Memory?.PeakBytes <= serveBytes));
        }
        var two = results.TwoInstances;
        yield return Target("two instances on one store converge with a full recompute", two.Count == 0 ? null : string.Join(", ", two.Select(t =>
                $"{Fmt.K(t.Run.StoredItems)} stored, {Fmt.N(t.Run.Events)} events: {(t.Converged ? "converged" : "not converged")} ({Fmt.N(t.ComparedFacts)} facts; 202 p99 {Fmt.Ms(t.Run.AcceptP99Milliseconds)}, visible p99 {Fmt.Ms(t.Run.VisibleP99Milliseconds)})")),
            two.Count > 0 && two.All(t => t.Converged));
    }

    private static IReadOnlyList<string> Target(string name, string? measured, bool? met) =>
        [name, measured ?? "not measured", measured is null ? "not measured" : met == true ? "**met**" : "**missed**"];

    private static IReadOnlyList<string> PerItemRow(string name, int smallN, double small, int largeN, double large, Func<double, string> show)
    {
        var (a, b) = (small / smallN, large / largeN);
        var ratio = a == 0 ? double.NaN : b / a;
        var growth = double.IsNaN(ratio) ? "-" : ratio < 0.8 ? "sub-linear" : ratio <= 1.25 ? "linear" : $"worse than linear: total ×{Fmt.N(ratio * largeN / smallN, 1)} for ×{Fmt.N((double)largeN / smallN, 1)} items";
        return [name, show(a), show(b), double.IsNaN(ratio) ? "-" : "×" + Fmt.N(ratio, 2), growth];
    }
}
