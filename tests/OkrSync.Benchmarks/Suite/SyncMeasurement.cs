using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Parts 1 and 2 for one N: fake trackers seeded in this process and warmed up (<see cref="FleetWarmUp"/>), a private
/// Azurite (node, its own process), and the sync in a child process (<see cref="SyncWorker"/>) so that its peak working
/// set is the sync's alone. The full and idle sync run <see cref="ReportOptions.SyncRuns"/> times, each in a fresh
/// Azurite and process, and the fastest full sync is the one reported, as the fastest of the ceiling's runs is: on a
/// shared machine both only ever measure slower than they are. The memory goal takes the highest peak of all runs.
/// After the last run, the entities the sync stored are read back and written again, raw, into a fresh Azurite: the
/// ceiling (<see cref="BatchCeiling"/>). The ceiling's runs alternate with the syncs (after the first, whose
/// entities it writes), each in a fresh Azurite.
/// </summary>
internal static class SyncMeasurement
{
    private const string Prefix = "bench";
    private const int CeilingParallelism = 8; // TableStorageOptions.MaxParallelism's default: what the store may use

    /// <summary>
    /// The parallel ceiling is measured this many times, each in a fresh emulator, and the fastest kept: one run moved
    /// between 6,400 and 9,200 entities/s on the same machine, and the fastest is the ceiling the sync is held to.
    /// </summary>
    private const int CeilingRuns = 3;

    public static async Task<SyncSizeResult> RunAsync(int items, ReportOptions options, CancellationToken cancellationToken = default)
    {
        ProcessMemory.TryResetOwnPeak();
        Progress.Line($"sync {items:N0}: seeding {TrackerFleet.Repositories} GitHub repositories and {TrackerFleet.Projects} Jira projects");
        var runs = new List<SyncRun>();
        var ceilings = new List<CeilingResult>();
        List<Azure.Data.Tables.TableEntity> stored = [];
        int minimum;
        long fakesPeak;
        await using (var fleet = await TrackerFleet.StartAsync(items, cancellationToken))
        {
            minimum = fleet.MinimumListCalls;
            await FleetWarmUp.RunAsync(fleet, cancellationToken);
            // The ceiling runs between the syncs, not after them all: on a shared machine both then sample the same
            // stretches of its load (one report's three ceilings, run back to back, all came out 30% slower than the
            // next report's).
            var total = options.SyncRuns + options.SyncWarmRuns;
            for (var run = 1; run <= total; run++)
            {
                var warm = run > options.SyncRuns;
                var (result, entities) = await RunOnceAsync(fleet, items, options, readBack: run == 1, warm, cancellationToken);
                runs.Add(result);
                stored = entities ?? stored;
                Progress.Line($"sync {items:N0}, run {run} of {total}{(warm ? " (warm process)" : "")}: {result.Full.SyncSeconds:F1} s, CPU {result.Full.SyncCpuSeconds:F1} s; sync + realign peak {result.Full.PeakWorkingSetBytes / 1048576.0:F0} MB");
                if (ceilings.Count < CeilingRuns)
                {
                    ceilings.Add(await CeilingAsync(stored, CeilingParallelism, cancellationToken));
                }
            }
            fakesPeak = ProcessMemory.OwnPeak();
        }

        while (ceilings.Count < CeilingRuns)
        {
            ceilings.Add(await CeilingAsync(stored, CeilingParallelism, cancellationToken));
        }
        var ceiling = ceilings.MaxBy(c => c.EntitiesPerSecond)!;

        var sequential = options.SequentialCeiling ? await CeilingAsync(stored, 1, cancellationToken) : null;
        var fastest = runs.Where(r => !r.Warm).MinBy(r => r.Full.SyncSeconds)!;
        return new SyncSizeResult(items, TrackerFleet.Repositories, TrackerFleet.Projects, minimum, fastest.Full, fastest.FullCalls, fastest.Idle, fastest.IdleCalls,
            stored.Count, fastest.ReportBytes, ceiling, sequential, runs.Max(r => r.AzuritePeak), runs.Where(r => !r.Warm).Max(r => r.SampledPeak), fakesPeak)
        {
            CeilingRunsPerSecond = [.. ceilings.Select(c => c.EntitiesPerSecond)],
            AzuriteFullSyncCpuSeconds = fastest.AzuriteCpu,
            FakesFullSyncCpuSeconds = fastest.FakesCpu,
            Runs = [.. runs.Select(r => new SyncRunSummary(r.Full.SyncSeconds, r.Full.SyncCpuSeconds, r.Full.PeakWorkingSetSyncBytes, r.Full.PeakWorkingSetBytes, r.AzuriteCpu, r.FakesCpu) { Warm = r.Warm })],
        };
    }

    /// <summary>
    /// One full and idle sync, each in a fresh Azurite and a fresh sync process; the fleet (warm) is shared. A warm run
    /// gives the sync process a second, private Azurite for its warm-up sync, stopped before the measured sync starts.
    /// </summary>
    private static async Task<(SyncRun Run, List<Azure.Data.Tables.TableEntity>? Stored)> RunOnceAsync(
        TrackerFleet fleet, int items, ReportOptions options, bool readBack, bool warm, CancellationToken cancellationToken)
    {
        var azurite = await StartAzuriteAsync();
        var warmUpStore = warm ? await StartAzuriteAsync() : null;
        try
        {
            var environment = fleet.Environment()
                .Append(new("OkrSync__Storage__ConnectionString", azurite.ConnectionString))
                .Append(new("OkrSync__Storage__TablePrefix", Prefix))
                .Concat(options.RuntimeEnvironment())
                .Concat(WorkerProcess.ProfilingEnvironment());
            if (warmUpStore is not null)
            {
                environment = environment.Append(new(SyncWorker.WarmUpStorageVariable, warmUpStore.ConnectionString));
            }
            var callsBefore = fleet.Calls();
            var (azuriteBefore, fakesBefore) = (CpuOf(azurite), ProcessMemory.CpuOf(Environment.ProcessId));
            await using var worker = WorkerProcess.StartSelf($"sync {items / 1000}k", ["sync"], environment);
            if (warmUpStore is not null)
            {
                var warmedUp = await worker.ReadResultAsync<WarmedUp>(cancellationToken);
                await warmUpStore.DisposeAsync();
                warmUpStore = null;
                Progress.Line($"sync {items:N0}: the sync process warmed up in {warmedUp.Seconds:F1} s (CPU {warmedUp.CpuSeconds:F1} s)");
                callsBefore = fleet.Calls();
                (azuriteBefore, fakesBefore) = (CpuOf(azurite), ProcessMemory.CpuOf(Environment.ProcessId));
                await worker.ContinueAsync();
            }
            await worker.ReadResultAsync<SyncEnded>(cancellationToken);
            var (azuriteCpu, fakesCpu) = ((CpuOf(azurite) - azuriteBefore)?.TotalSeconds, (ProcessMemory.CpuOf(Environment.ProcessId) - fakesBefore)?.TotalSeconds);
            var fullCalls = fleet.Calls() - callsBefore;
            var full = await worker.ReadResultAsync<SyncPhaseResult>(cancellationToken);
            await worker.ContinueAsync();
            await worker.ReadResultAsync<SyncEnded>(cancellationToken);
            var idle = await worker.ReadResultAsync<SyncPhaseResult>(cancellationToken);
            var idleCalls = fleet.Calls() - callsBefore - fullCalls;
            var exit = await worker.WaitForExitAsync(cancellationToken);
            var azuritePeak = azurite.ProcessId is { } id ? ProcessMemory.PeakOf(id) : null;
            Progress.Line($"sync {items:N0}: worker exited {exit}{(readBack ? "; reading the stored entities back for the ceiling" : "")}");
            var stored = readBack ? await BatchCeiling.ReadAllAsync(azurite.ConnectionString, TableNames.For(Prefix).Items, cancellationToken) : null;
            var reportBytes = await StoredReportBytesAsync(azurite.ConnectionString, cancellationToken);
            return (new SyncRun(full, fullCalls, idle, idleCalls, reportBytes, azuritePeak, worker.PeakSampledWorkingSet, azuriteCpu, fakesCpu) { Warm = warm }, stored);
        }
        finally
        {
            if (warmUpStore is not null)
            {
                await warmUpStore.DisposeAsync();
            }
            await azurite.DisposeAsync();
        }
    }

    private sealed record SyncRun(
        SyncPhaseResult Full, TrackerCalls FullCalls, SyncPhaseResult Idle, TrackerCalls IdleCalls, long? ReportBytes, long? AzuritePeak, long SampledPeak, double? AzuriteCpu, double? FakesCpu)
    {
        public bool Warm { get; init; }
    }

    private static TimeSpan? CpuOf(AzuriteFixture azurite) => azurite.ProcessId is { } id ? ProcessMemory.CpuOf(id) : null;

    // The current report's manifest names its compressed length (see ChunkedDocuments).
    private static async Task<long?> StoredReportBytesAsync(string connectionString, CancellationToken cancellationToken)
    {
        var reports = new Azure.Data.Tables.TableClient(connectionString, TableNames.For(Prefix).Reports);
        var manifest = await reports.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("current", "report", ["Length"], cancellationToken);
        return manifest.HasValue ? manifest.Value?.GetInt64("Length") : null;
    }

    private static async Task<CeilingResult> CeilingAsync(List<Azure.Data.Tables.TableEntity> entities, int parallelism, CancellationToken cancellationToken)
    {
        var azurite = await StartAzuriteAsync();
        try
        {
            var (azuriteBefore, clientBefore) = (CpuOf(azurite), ProcessMemory.CpuOf(Environment.ProcessId));
            var result = await BatchCeiling.MeasureAsync(azurite.ConnectionString, "ceiling", entities, parallelism, cancellationToken);
            result = result with
            {
                ClientCpuSeconds = (ProcessMemory.CpuOf(Environment.ProcessId) - clientBefore)?.TotalSeconds,
                AzuriteCpuSeconds = (CpuOf(azurite) - azuriteBefore)?.TotalSeconds,
            };
            Progress.Line($"ceiling, {parallelism} at a time: {result.Entities:N0} entities in {result.Transactions:N0} transactions, {result.Seconds:F1} s = {result.EntitiesPerSecond:N0}/s");
            return result;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<AzuriteFixture> StartAzuriteAsync()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        return azurite;
    }
}
