using System.Diagnostics;
using OkrSync.Testing.Emulators;
using Serve = OkrSync.Benchmarks.Webhooks.WebhookMeasurement;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Part 3: per store (<see cref="ReportOptions.WebhookStores"/>) and stored size, the built <c>okrsync serve</c>
/// (started by the <c>webhooks</c> measurement's helpers) on a store holding that many synthetic items (seeded first,
/// the seeding timed but not part of the run: <see cref="ServeBackend"/>). After a first report and
/// <see cref="WarmUpEvents"/> warm-up events, signed GitHub <c>issues.opened</c> deliveries, each a new aligned issue,
/// are sent open-loop at a fixed rate while <c>/api/rollup</c> is polled (<see cref="FixedRateDriver"/>). Serve's
/// working set is sampled during every run (<see cref="MemorySampler"/>).
/// </summary>
internal static class WebhookRun
{
    internal const int WarmUpEvents = 20;

    /// <summary>How long serve's first report may take: at 1M items on Azurite, whose paged queries sort what is left of the table on every page, tens of minutes.</summary>
    internal static readonly TimeSpan FirstReportTimeout = TimeSpan.FromHours(2);

    public static async Task<IReadOnlyList<WebhookResult>> RunAsync(ReportOptions options, List<string> notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        var results = new List<WebhookResult>();
        foreach (var store in options.WebhookStores)
        {
            foreach (var group in options.WebhookRuns.GroupBy(r => r.Stored))
            {
                results.AddRange(await RunStoredAsync(store, group.Key, [.. group.Select(r => r.Events)], options, notes, cancellationToken));
            }
        }
        return results;
    }

    private static async Task<List<WebhookResult>> RunStoredAsync(string store, int stored, IReadOnlyList<int> runs, ReportOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        var results = new List<WebhookResult>();
        await using var backend = await ServeBackend.StartAsync(store, options.AzuriteHeapMb, cancellationToken);
        var seedSeconds = await backend.SeedAsync(stored, cancellationToken);
        Progress.Line($"webhooks ({store}): seeded {stored:N0} items in {seedSeconds:F1} s{StoreMemory(backend)}");
        var port = FreePorts.Take(1)[0];
        using var serve = Serve.Start(backend.Folder, backend.Settings, port, verbose: false);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = FirstReportTimeout };
            await Serve.WaitReadyAsync(client, serve);
            var firstReport = await FirstReportAsync(client, cancellationToken);
            Progress.Line($"webhooks ({store}): okrsync serve, first report of {await Serve.TotalAsync(client):N0} items in {firstReport:F1} s; working set {Fmt.Mb(ProcessMemory.CurrentOf(serve.Id))}");
            var driver = new FixedRateDriver(client, options.WebhookRate, options.RollupPoll) { ProbeRollup = options.ProbeRollup };
            var warmUp = await driver.RunAsync(WarmUpEvents, 900_000, stored, cancellationToken);
            Progress.Line($"webhooks ({store}): {WarmUpEvents} warm-up events (not reported): 202 max {warmUp.AcceptMaxMilliseconds:F0} ms, visible max {warmUp.VisibleMaxMilliseconds:F0} ms");
            var number = 1_000_000;
            foreach (var events in runs)
            {
                var before = ProcessMemory.CurrentOf(serve.Id);
                var (serveCpu, storeCpu) = (ProcessMemory.CpuOf(serve.Id), backend.StoreProcessId is { } node ? ProcessMemory.CpuOf(node) : null);
                WebhookResult result;
                long highest;
                await using (var sampler = new MemorySampler(serve.Id))
                {
                    result = await driver.RunAsync(events, number, stored, cancellationToken);
                    highest = sampler.Sample();
                }
                result = result with
                {
                    Store = store,
                    ServeCpuSeconds = (ProcessMemory.CpuOf(serve.Id) - serveCpu)?.TotalSeconds,
                    AzuriteCpuSeconds = backend.StoreProcessId is { } id ? (ProcessMemory.CpuOf(id) - storeCpu)?.TotalSeconds : null,
                    SeedSeconds = seedSeconds,
                    FirstReportSeconds = firstReport,
                    Memory = new ServeMemory(stored, before, highest, ProcessMemory.CurrentOf(serve.Id), ProcessMemory.PeakOf(serve.Id)),
                    AzuritePeakBytes = backend.StoreProcessId is { } azurite ? ProcessMemory.PeakOf(azurite) : null,
                };
                number += events;
                Progress.Line($"webhooks ({store}) {events:N0} at {options.WebhookRate}/s, {stored:N0} stored: 202 p50 {result.AcceptP50Milliseconds:F1} ms p99 {result.AcceptP99Milliseconds:F1} ms; visible {result.Visible}/{events}, p50 {result.VisibleP50Milliseconds:F0} ms p99 {result.VisibleP99Milliseconds:F0} ms; " +
                    $"serve working set {Fmt.Mb(result.Memory.AfterBytes)} after, peak {Fmt.Mb(result.Memory.PeakBytes)} ({Fmt.N(result.Memory.PeakPerItem ?? double.NaN)} B per stored item)");
                results.Add(result);
            }
            notes.Add($"okrsync serve on {WebhookStores.Describe(store)} with {Fmt.N(stored)} stored items: peak working set {Fmt.Mb(ProcessMemory.PeakOf(serve.Id))}; seeding took {Fmt.S(seedSeconds)}, the first report {Fmt.S(firstReport)}.");
        }
        finally
        {
            await StopAsync(serve);
        }
        return results;
    }

    /// <summary>The first <c>/ScheduledSync</c> (no trackers configured: load every stored item, align, store the report); its seconds.</summary>
    internal static async Task<double> FirstReportAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Serve.RunScheduledSyncAsync(client, cancellationToken);
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalSeconds;
    }

    internal static string StoreMemory(ServeBackend backend) =>
        backend.StoreProcessId is { } node ? $"; Azurite working set {Fmt.Mb(ProcessMemory.CurrentOf(node))}" : "";

    internal static async Task StopAsync(Process serve)
    {
        if (!serve.HasExited)
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
