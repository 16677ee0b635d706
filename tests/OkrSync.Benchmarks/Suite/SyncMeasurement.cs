using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Parts 1 and 2 for one N: fake trackers seeded in this process, a private Azurite (node, its own process), and the
/// sync in a child process (<see cref="SyncWorker"/>) so that its peak working set is the sync's alone. After the
/// full and the idle sync, the entities the sync stored are read back and written again, raw, into a fresh Azurite:
/// the ceiling (<see cref="BatchCeiling"/>).
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
        SyncPhaseResult full, idle;
        TrackerCalls fullCalls, idleCalls;
        long? azuritePeak, reportBytes;
        long fakesPeak, sampledPeak;
        double? azuriteCpu, fakesCpu;
        List<Azure.Data.Tables.TableEntity> stored;
        int minimum;
        await using (var fleet = await TrackerFleet.StartAsync(items, cancellationToken))
        {
            minimum = fleet.MinimumListCalls;
            var azurite = await StartAzuriteAsync();
            try
            {
                var environment = fleet.Environment()
                    .Append(new("OkrSync__Storage__ConnectionString", azurite.ConnectionString))
                    .Append(new("OkrSync__Storage__TablePrefix", Prefix))
                    .Concat(options.RuntimeEnvironment())
                    .Concat(WorkerProcess.ProfilingEnvironment());
                var (azuriteBefore, fakesBefore) = (CpuOf(azurite), ProcessMemory.CpuOf(Environment.ProcessId));
                await using var worker = WorkerProcess.StartSelf($"sync {items / 1000}k", ["sync"], environment);
                full = await worker.ReadResultAsync<SyncPhaseResult>(cancellationToken);
                (azuriteCpu, fakesCpu) = ((CpuOf(azurite) - azuriteBefore)?.TotalSeconds, (ProcessMemory.CpuOf(Environment.ProcessId) - fakesBefore)?.TotalSeconds);
                fullCalls = fleet.Calls();
                fakesPeak = ProcessMemory.OwnPeak();
                await worker.ContinueAsync();
                idle = await worker.ReadResultAsync<SyncPhaseResult>(cancellationToken);
                idleCalls = fleet.Calls() - fullCalls;
                var exit = await worker.WaitForExitAsync(cancellationToken);
                sampledPeak = worker.PeakSampledWorkingSet;
                azuritePeak = azurite.ProcessId is { } id ? ProcessMemory.PeakOf(id) : null;
                Progress.Line($"sync {items:N0}: worker exited {exit}; reading the stored entities back for the ceiling");
                stored = await BatchCeiling.ReadAllAsync(azurite.ConnectionString, TableNames.For(Prefix).Items, cancellationToken);
                reportBytes = await StoredReportBytesAsync(azurite.ConnectionString, cancellationToken);
            }
            finally
            {
                await azurite.DisposeAsync();
            }
        }

        CeilingResult? ceiling = null;
        for (var run = 0; run < CeilingRuns; run++)
        {
            var measured = await CeilingAsync(stored, CeilingParallelism, cancellationToken);
            ceiling = ceiling is null || measured.EntitiesPerSecond > ceiling.EntitiesPerSecond ? measured : ceiling;
        }

        var sequential = options.SequentialCeiling ? await CeilingAsync(stored, 1, cancellationToken) : null;
        return new SyncSizeResult(items, TrackerFleet.Repositories, TrackerFleet.Projects, minimum, full, fullCalls, idle, idleCalls,
            stored.Count, reportBytes, ceiling!, sequential, azuritePeak, sampledPeak, fakesPeak)
        {
            AzuriteFullSyncCpuSeconds = azuriteCpu,
            FakesFullSyncCpuSeconds = fakesCpu,
        };
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
