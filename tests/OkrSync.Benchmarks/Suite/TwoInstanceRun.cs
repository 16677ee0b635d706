using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using OkrSync.Core.Ports;
using OkrSync.Testing.Emulators;
using Serve = OkrSync.Benchmarks.Webhooks.WebhookMeasurement;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Part <c>webhooks2</c>: two built <c>okrsync serve</c> processes on one private Azurite (one store, one queue;
/// distinct ports) holding N seeded items. After one first report and 20 warm-up events, signed deliveries go to the
/// two in turn at the fixed rate (<see cref="FixedRateDriver"/>, visibility polled from both in turn). Then, once the
/// queue is empty and both answer the expected total with the same ETag twice in a row, both instances'
/// <c>/api/rollup</c> and <c>/api/findings</c> are compared (<see cref="ReportFacts"/>) with what
/// <c>okrsync report --store tables:… --strategy … --as-of ASOF --format json</c> recomputes from every stored item,
/// as of the stored report's time. (A fresh <c>serve</c> would answer <c>/api/rollup</c> from the same stored report,
/// so the CLI's full recompute is the independent reference.)
/// </summary>
internal static class TwoInstanceRun
{
    private const int Instances = 2;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<TwoInstanceResult>> RunAsync(ReportOptions options, List<string> notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        var results = new List<TwoInstanceResult>();
        foreach (var (stored, events) in options.TwoInstanceRuns)
        {
            results.Add(await RunOneAsync(stored, events, options, notes, cancellationToken));
        }
        return results;
    }

    private static async Task<TwoInstanceResult> RunOneAsync(int stored, int events, ReportOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        await using var backend = await ServeBackend.StartAsync(WebhookStores.Tables, options.AzuriteHeapMb, cancellationToken);
        var seedSeconds = await backend.SeedAsync(stored, cancellationToken);
        Progress.Line($"two instances: seeded {stored:N0} items into Azurite in {seedSeconds:F1} s{WebhookRun.StoreMemory(backend)}");
        var ports = FreePorts.Take(Instances);
        var serves = ports.Select(port => Serve.Start(backend.Folder, backend.Settings, port, verbose: false)).ToList();
        var clients = ports.Select(port => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = WebhookRun.FirstReportTimeout }).ToList();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                await Serve.WaitReadyAsync(clients[i], serves[i]);
            }
            var firstReport = await WebhookRun.FirstReportAsync(clients[0], cancellationToken);
            Progress.Line($"two instances: first report (instance 1) of {await Serve.TotalAsync(clients[0]):N0} items in {firstReport:F1} s");
            // Counted before the warm-up: each warm-up event and each event adds one item, whenever the report shows it
            // (the items probe sees an event once its item is stored, which can be before a report covering it).
            var expected = await HighestTotalAsync(clients) + WebhookRun.WarmUpEvents + events;
            var driver = new FixedRateDriver(clients, options.WebhookRate) { ProbeRollup = options.ProbeRollup };
            var warmUp = await driver.RunAsync(WebhookRun.WarmUpEvents, 900_000, stored, cancellationToken);
            Progress.Line($"two instances: {WebhookRun.WarmUpEvents} warm-up events (not reported): 202 max {warmUp.AcceptMaxMilliseconds:F0} ms, visible max {warmUp.VisibleMaxMilliseconds:F0} ms");

            var before = serves.Select(s => ProcessMemory.CurrentOf(s.Id)).ToList();
            var serveCpu = serves.Select(s => ProcessMemory.CpuOf(s.Id)).ToList();
            var azuriteCpu = backend.StoreProcessId is { } node ? ProcessMemory.CpuOf(node) : null;
            var samplers = serves.Select(s => new MemorySampler(s.Id)).ToList();
            WebhookResult run;
            try
            {
                run = await driver.RunAsync(events, 1_000_000, stored, cancellationToken);
            }
            finally
            {
                foreach (var sampler in samplers)
                {
                    sampler.Sample();
                    await sampler.DisposeAsync();
                }
            }
            var drainClock = Stopwatch.StartNew();
            var drained = await DrainAsync(backend.Azurite!.ConnectionString, clients, expected, cancellationToken);
            var drainSeconds = drainClock.Elapsed.TotalSeconds;
            Progress.Line($"two instances: {events:N0} events at {options.WebhookRate}/s, {stored:N0} stored: 202 p50 {run.AcceptP50Milliseconds:F1} ms p99 {run.AcceptP99Milliseconds:F1} ms; visible {run.Visible}/{events}, p99 {run.VisibleP99Milliseconds:F0} ms; " +
                $"{(drained ? "drained" : "NOT drained")} {drainSeconds:F1} s after the last event was visible or given up");

            var peaks = serves.Select(s => ProcessMemory.PeakOf(s.Id)).ToList();
            run = run with
            {
                Store = WebhookStores.Tables,
                ServeCpuSeconds = Sum(serves.Select((s, i) => (ProcessMemory.CpuOf(s.Id) - serveCpu[i])?.TotalSeconds)),
                AzuriteCpuSeconds = backend.StoreProcessId is { } id ? (ProcessMemory.CpuOf(id) - azuriteCpu)?.TotalSeconds : null,
                SeedSeconds = seedSeconds,
                FirstReportSeconds = firstReport,
                Memory = new ServeMemory(stored, SumBytes(before), samplers.Sum(s => s.Highest), SumBytes(serves.Select(s => ProcessMemory.CurrentOf(s.Id))), SumBytes(peaks)),
                AzuritePeakBytes = backend.StoreProcessId is { } azurite ? ProcessMemory.PeakOf(azurite) : null,
            };

            var (differences, compared, referenceSeconds) = await CompareAsync(backend, clients, expected, cancellationToken);
            var converged = drained && differences.Count == 0;
            Progress.Line($"two instances: {(converged ? "converged" : "NOT converged")}: {compared:N0} facts compared with okrsync report's recompute ({referenceSeconds:F1} s)" +
                string.Concat(differences.Select(d => "\n    " + d)));
            notes.Add($"Two instances, {Fmt.N(stored)} stored items: peak working sets {string.Join(" and ", peaks.Select(Fmt.Mb))}; the queue {(drained ? "drained" : "did not drain")} {Fmt.S(drainSeconds)} after the last event was visible.");
            return new TwoInstanceResult(run, drainSeconds, drained, converged, differences, compared, referenceSeconds, peaks);
        }
        finally
        {
            foreach (var serve in serves)
            {
                await WebhookRun.StopAsync(serve);
                serve.Dispose();
            }
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<int> HighestTotalAsync(IReadOnlyList<HttpClient> clients)
    {
        var highest = -1;
        foreach (var client in clients)
        {
            highest = Math.Max(highest, await Serve.TotalAsync(client));
        }
        return highest;
    }

    /// <summary>
    /// Waits until the event queue is empty (no message visible or in flight) and every instance answers the expected
    /// total with one ETag, the same on two polls a second apart; false after <see cref="DrainTimeout"/>.
    /// </summary>
    private static async Task<bool> DrainAsync(string connectionString, IReadOnlyList<HttpClient> clients, int expected, CancellationToken cancellationToken)
    {
        var queue = new QueueClient(connectionString, EventQueueNames.TrackerEvents);
        var deadline = Stopwatch.StartNew();
        string? previous = null;
        while (deadline.Elapsed < DrainTimeout)
        {
            var waiting = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var answers = new List<(int Total, string? ETag)>();
            foreach (var client in clients)
            {
                using var response = await client.GetAsync(new Uri("/api/rollup", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var total = response.IsSuccessStatusCode ? (await ReportFacts.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken)).Total : -1;
                answers.Add((total, response.Headers.ETag?.Tag));
            }
            var now = string.Join(' ', answers.Select(a => a.ETag));
            if (waiting == 0 && answers.All(a => a.Total == expected && a.ETag is not null && a.ETag == answers[0].ETag) && now == previous)
            {
                return true;
            }
            previous = waiting == 0 ? now : null;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        return false;
    }

    /// <summary>Each instance's rollup and findings against the CLI's recompute over the same store, as of the stored report's time.</summary>
    private static async Task<(IReadOnlyList<string> Differences, int Compared, double ReferenceSeconds)> CompareAsync(ServeBackend backend, IReadOnlyList<HttpClient> clients, int expected, CancellationToken cancellationToken)
    {
        var rollups = new List<ReportFacts>();
        var findings = new List<List<System.Text.Json.JsonElement>>();
        foreach (var client in clients)
        {
            rollups.Add(await ReportFacts.GetAsync(client, cancellationToken));
            findings.Add(await ReportFacts.GetFindingsAsync(client, cancellationToken));
        }
        var clock = Stopwatch.StartNew();
        var reference = await RecomputeAsync(backend, rollups[0].AsOf, cancellationToken);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        var expectedLines = reference.Lines();
        var expectedFindings = ReportFacts.FindingLines(reference.Findings);
        var differences = new List<string>();
        if (reference.Total != expected)
        {
            differences.Add($"the store holds {reference.Total:N0} items, {expected:N0} expected (seeded + warm-up + events)");
        }
        for (var i = 0; i < clients.Count; i++)
        {
            var name = $"instance {i + 1}";
            if (rollups[i].AsOf != rollups[0].AsOf)
            {
                differences.Add($"{name}'s /api/rollup is as of {rollups[i].AsOf:o}, instance 1's as of {rollups[0].AsOf:o}");
            }
            differences.AddRange(ReportFacts.Differences($"{name} /api/rollup", rollups[i].Lines(), "recompute", expectedLines));
            differences.AddRange(ReportFacts.Differences($"{name} /api/findings", ReportFacts.FindingLines(findings[i]), "recompute", expectedFindings));
            var poisoned = findings[i].Count(f => f.TryGetProperty("kind", out var kind) && kind.GetString() == ReportFacts.PoisonKind);
            if (poisoned > 0)
            {
                differences.Add($"{name} /api/findings: {poisoned} poison-event findings (events that were never applied)");
            }
        }
        return (differences, expectedLines.Count, referenceSeconds);
    }

    /// <summary><c>okrsync report --store … --strategy strategy.yaml --as-of … --format json</c>: every stored item realigned by the CLI.</summary>
    private static async Task<ReportFacts> RecomputeAsync(ServeBackend backend, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Serve.Executable)
        {
            WorkingDirectory = backend.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "report", "--store", backend.StoreSpec, "--strategy", Path.Combine(backend.Folder, "strategy.yaml"), "--as-of", asOf.ToString("o", CultureInfo.InvariantCulture), "--format", "json" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = Path.Combine(backend.Folder, "recompute.json");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await using (var file = File.Create(output))
        {
            await process.StandardOutput.BaseStream.CopyToAsync(file, cancellationToken);
        }
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"okrsync report failed ({process.ExitCode}): {await errors}");
        }
        await using var json = File.OpenRead(output);
        return await ReportFacts.ReadAsync(json, cancellationToken);
    }

    private static double? Sum(IEnumerable<double?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Sum() : null;
    }

    private static long? SumBytes(IEnumerable<long?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Sum() : null;
    }
}
