using System.Diagnostics;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Storage;
using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;
using Serve = OkrSync.Benchmarks.Webhooks.WebhookMeasurement;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Part 3: per stored size, the built <c>okrsync serve</c> (started by the <c>webhooks</c> measurement's helpers) on a
/// private Azurite holding that many synthetic items (written raw in batches first: seeding, not measured). After a
/// first report and <see cref="WarmUpEvents"/> warm-up events, signed GitHub <c>issues.opened</c> deliveries, each a
/// new aligned issue, are sent open-loop at a fixed rate while <c>/api/rollup</c> is polled (<see cref="FixedRateDriver"/>).
/// </summary>
internal static class WebhookRun
{
    private const int WarmUpEvents = 20;
    private const string Never = "0 0 0 1 1 *"; // timers stay out of the way: midnight on 1 January

    public static async Task<IReadOnlyList<WebhookResult>> RunAsync(ReportOptions options, List<string> notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        var results = new List<WebhookResult>();
        foreach (var group in options.WebhookRuns.GroupBy(r => r.Stored))
        {
            results.AddRange(await RunStoredAsync(group.Key, [.. group.Select(r => r.Events)], options, notes, cancellationToken));
        }
        return results;
    }

    private static async Task<List<WebhookResult>> RunStoredAsync(int stored, IReadOnlyList<int> runs, ReportOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        var results = new List<WebhookResult>();
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("okrsync-bench-serve-").FullName;
        try
        {
            await SeedAsync(azurite.ConnectionString, stored, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml(), cancellationToken);
            var port = FreePorts.Take(1)[0];
            var settings = new Dictionary<string, string>
            {
                ["OkrSync__Storage__ConnectionString"] = azurite.ConnectionString,
                ["OKRSYNC_SYNC_SCHEDULE"] = Never,
                ["OKRSYNC_RECONCILE_SCHEDULE"] = Never,
                ["OKRSYNC_REPORT_SCHEDULE"] = Never,
            };
            using var serve = Serve.Start(folder, settings, port, verbose: false);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
                await Serve.WaitReadyAsync(client, serve);
                var clock = Stopwatch.StartNew();
                (await client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), new StringContent("{}"), cancellationToken)).EnsureSuccessStatusCode();
                Progress.Line($"webhooks: okrsync serve on Azurite, first report of {await Serve.TotalAsync(client):N0} items in {clock.Elapsed.TotalSeconds:F1} s");
                var driver = new FixedRateDriver(client, options.WebhookRate, options.RollupPoll);
                var warmUp = await driver.RunAsync(WarmUpEvents, 900_000, stored, cancellationToken);
                Progress.Line($"webhooks: {WarmUpEvents} warm-up events (not reported): 202 max {warmUp.AcceptMaxMilliseconds:F0} ms, visible max {warmUp.VisibleMaxMilliseconds:F0} ms");
                var number = 1_000_000;
                foreach (var events in runs)
                {
                    var (serveCpu, azuriteCpu) = (ProcessMemory.CpuOf(serve.Id), azurite.ProcessId is { } node ? ProcessMemory.CpuOf(node) : null);
                    var result = await driver.RunAsync(events, number, stored, cancellationToken);
                    result = result with
                    {
                        ServeCpuSeconds = (ProcessMemory.CpuOf(serve.Id) - serveCpu)?.TotalSeconds,
                        AzuriteCpuSeconds = azurite.ProcessId is { } id ? (ProcessMemory.CpuOf(id) - azuriteCpu)?.TotalSeconds : null,
                    };
                    number += events;
                    Progress.Line($"webhooks {events:N0} at {options.WebhookRate}/s, {stored:N0} stored: 202 p50 {result.AcceptP50Milliseconds:F1} ms p99 {result.AcceptP99Milliseconds:F1} ms; visible {result.Visible}/{events}, p50 {result.VisibleP50Milliseconds:F0} ms p99 {result.VisibleP99Milliseconds:F0} ms");
                    results.Add(result);
                }
                notes.Add($"okrsync serve peak working set with {Fmt.N(stored)} stored items: {Fmt.Mb(ProcessMemory.PeakOf(serve.Id))}.");
            }
            finally
            {
                if (!serve.HasExited)
                {
                    serve.Kill(entireProcessTree: true);
                    await serve.WaitForExitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
        return results;
    }

    /// <summary>The items as the store writes them (prepared, hashed, as entities), upserted raw in batches into okrsync's default items table.</summary>
    private static async Task SeedAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var items = SyntheticWork.Items(count, TimeProvider.System.GetUtcNow());
        var entities = UpsertRules.Prepare(items).Kept.Select(ItemEntities.ToEntity).ToList();
        var seeded = await BatchCeiling.MeasureAsync(connectionString, TableNames.For(TableStorageOptions.DefaultTablePrefix).Items, entities, 8, cancellationToken);
        Progress.Line($"webhooks: seeded {seeded.Entities:N0} items into Azurite in {seeded.Seconds:F1} s");
    }
}
