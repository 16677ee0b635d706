using System.Diagnostics;
using System.Runtime;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Sync;
using OkrSync.Storage.Tables;
using OkrSync.Trackers;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// The sync process (<c>report-worker sync</c>), started by <see cref="SyncMeasurement"/> so that its memory is the
/// sync's alone. Configured like okrsync, from <c>OkrSync__…</c> environment variables, it runs what
/// <c>okrsync sync</c> runs: the production connectors (<c>AddWorkSources</c>), <see cref="SyncEngine"/> and
/// <see cref="TableWorkStore"/>, then realigns and stores the report. Its only addition is a policy that counts
/// Table Storage requests. It runs the first (full) sync, reports, waits for a line on stdin, then runs the idle sync.
/// </summary>
internal static class SyncWorker
{
    /// <summary>
    /// When set (a connection string), the process first syncs and realigns the fleet into that store with services of
    /// its own, reports <see cref="WarmedUp"/>, waits for a line on stdin, and only then runs the measured syncs.
    /// </summary>
    public const string WarmUpStorageVariable = "OKRSYNC_BENCH_WARMUP_STORAGE";

    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var warmed = false;
        if (Environment.GetEnvironmentVariable(WarmUpStorageVariable) is { Length: > 0 } warmUpStorage)
        {
            var warmUp = await WarmUpAsync(configuration, warmUpStorage, cancellationToken);
            await SettleAsync(cancellationToken);
            WorkerProcess.Emit(warmUp);
            await Console.In.ReadLineAsync(cancellationToken); // the parent stops the warm-up store and reads its baselines
            warmed = true;
        }
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddWorkSources(configuration);
        await using var provider = services.BuildServiceProvider();
        var counter = new StorageRequestCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var options = TableStorageOptions.FromConfiguration(configuration);
        using var store = new TableWorkStore(options, provider.GetRequiredService<ILogger<TableWorkStore>>(), clientOptions);
        await store.EnsureCreatedAsync(cancellationToken);
        var (timedStore, timer) = TimedStore.Wrap(store);
        var engine = new SyncEngine(timedStore, timedStore, TimeProvider.System, provider.GetRequiredService<ILogger<SyncEngine>>(), provider.GetRequiredService<IOptions<ReconcileOptions>>());
        var strategy = SyntheticWork.Strategy();
        var sources = provider.GetRequiredService<SourceFactory>();

        var full = await PhaseAsync("full", engine, sources, store, counter, timer, strategy, resetPeak: warmed, cancellationToken);
        WorkerProcess.Emit(full);
        await Console.In.ReadLineAsync(cancellationToken); // the parent reads the trackers' counters in between
        var idle = await PhaseAsync("idle", engine, sources, store, counter, timer, strategy, resetPeak: true, cancellationToken);
        WorkerProcess.Emit(idle);
        return full.Sources.Concat(idle.Sources).All(s => s.Error is null) ? 0 : 1;
    }

    /// <summary>
    /// A full sync and realign of the fleet into the warm-up store, with services, store and engine of its own (no
    /// connection, cache or cursor carries over to the measured sync): afterwards only the compiled code is warm.
    /// </summary>
    private static async Task<WarmedUp> WarmUpAsync(IConfiguration configuration, string connectionString, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cpu = OwnCpu();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddWorkSources(configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            var options = TableStorageOptions.FromConfiguration(configuration) with { ConnectionString = connectionString };
            using var store = new TableWorkStore(options, provider.GetRequiredService<ILogger<TableWorkStore>>());
            await store.EnsureCreatedAsync(cancellationToken);
            var engine = new SyncEngine(store, store, TimeProvider.System, provider.GetRequiredService<ILogger<SyncEngine>>(), provider.GetRequiredService<IOptions<ReconcileOptions>>());
            var report = await engine.SyncAsync(provider.GetRequiredService<SourceFactory>().CreateConfigured(), progress: null, cancellationToken);
            await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, SyntheticWork.Strategy(), TimeProvider.System.GetUtcNow(), cancellationToken: cancellationToken);
            await Console.Error.WriteLineAsync($"warm-up sync: {report.Fetched:N0} items in {clock.Elapsed.TotalSeconds:F1} s, then realigned");
        }
        return new WarmedUp(clock.Elapsed.TotalSeconds, (OwnCpu() - cpu).TotalSeconds);
    }

    /// <summary>
    /// Full, aggressive collections (which also give back the memory the GC keeps for reuse) a second apart, until the
    /// live heap stops shrinking (at most 15 s): right after the warm-up, something still held its last report and
    /// every item for a few seconds (143 MB live, 54 MB five seconds later), so the measured sync's peak would have
    /// started from the warm-up's leftovers.
    /// </summary>
    private static async Task SettleAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long heap;
        var previous = long.MaxValue;
        while (true)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            heap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
            if (previous - heap < 1 << 20 || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                break;
            }
            previous = heap;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        await Console.Error.WriteLineAsync(
            $"after the warm-up, settled in {clock.Elapsed.TotalSeconds:F0} s: working set {Environment.WorkingSet / 1048576.0:F0} MB, GC heap {heap / 1048576.0:F0} MB");
    }

    private static async Task<SyncPhaseResult> PhaseAsync(
        string phase, SyncEngine engine, SourceFactory factory, TableWorkStore store, StorageRequestCounter counter, TimedStore timer, StrategyDocument strategy, bool resetPeak, CancellationToken cancellationToken)
    {
        var reset = resetPeak && ProcessMemory.TryResetOwnPeak();
        var before = counter.Snapshot();
        var (upsertBefore, cursorBefore) = (timer.UpsertSeconds, timer.CursorSeconds);
        var cpu = OwnCpu();
        var runtime = RuntimeCosts.Now();
        var clock = Stopwatch.StartNew();
        var report = await engine.SyncAsync(factory.CreateConfigured(), new StderrProgress(phase), cancellationToken);
        var syncSeconds = clock.Elapsed.TotalSeconds;
        var syncRuntime = RuntimeCosts.Now() - runtime;
        var syncStorage = counter.Snapshot() - before;
        var (upsertSeconds, cursorSeconds) = (timer.UpsertSeconds - upsertBefore, timer.CursorSeconds - cursorBefore);
        var peakSync = ProcessMemory.OwnPeak();
        var syncCpu = (OwnCpu() - cpu).TotalSeconds;
        WorkerProcess.Emit(new SyncEnded(phase)); // the parent reads Azurite's and the trackers' CPU here, before the realign
        await Console.Error.WriteLineAsync($"{phase} sync: {report.Fetched:N0} items in {syncSeconds:F1} s, CPU {syncCpu:F2} s ({syncRuntime.Describe(report.Fetched)}); realigning");

        before = counter.Snapshot();
        clock.Restart();
        var recomputed = await ReportRecomputer.RecomputeWithOutcomeAsync(store, store, store, strategy, TimeProvider.System.GetUtcNow(), cancellationToken: cancellationToken);
        var realignSeconds = clock.Elapsed.TotalSeconds;
        var realignRuntime = RuntimeCosts.Now() - runtime - syncRuntime;
        await Console.Error.WriteLineAsync($"{phase} realign: {recomputed.Report.Summary.Total:N0} items in {realignSeconds:F1} s ({realignRuntime.Describe(recomputed.Report.Summary.Total)})");
        return new SyncPhaseResult(
            phase, syncSeconds, report.Fetched, report.Sources.Sum(s => s.Written), report.Sources.Sum(s => s.Unchanged), report.Sources.Sum(s => s.Stale),
            report.ApiCalls, report.Sources.Sum(s => s.NotModified), syncStorage, upsertSeconds, cursorSeconds, peakSync,
            realignSeconds, counter.Snapshot() - before, recomputed.ReportWritten, ProcessMemory.OwnPeak(), reset,
            GCSettings.IsServerGC ? "server" : "workstation",
            [.. report.Sources.Select(s => new SourceResult(s.SourceId, s.Fetched, s.Written, s.Unchanged, s.Pages, s.ApiCalls, s.NotModified, s.Duration.TotalSeconds, s.Error))])
        {
            SyncCpuSeconds = syncCpu,
        };
    }

    /// <summary>JIT time, GC pauses and bytes allocated so far in this process: where a phase's CPU went besides its own code.</summary>
    private readonly record struct RuntimeCosts(TimeSpan Jit, long JitMethods, TimeSpan GcPause, long Allocated, int Gen0, int Gen1, int Gen2)
    {
        public static RuntimeCosts Now() => new(
            System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount(), GC.GetTotalPauseDuration(),
            GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public static RuntimeCosts operator -(RuntimeCosts a, RuntimeCosts b) => new(
            a.Jit - b.Jit, a.JitMethods - b.JitMethods, a.GcPause - b.GcPause, a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);

        public string Describe(int items) =>
            $"JIT {Jit.TotalSeconds:F2} s for {JitMethods:N0} methods, GC pauses {GcPause.TotalSeconds:F2} s in {Gen0}/{Gen1}/{Gen2} gen0/1/2 collections, allocated {Allocated / 1e6:N0} MB = {(items > 0 ? Allocated / items : 0):N0} B per item";
    }

    private static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>A line on stderr per finished source, and at most one every 10 s in between.</summary>
    private sealed class StderrProgress(string phase) : IProgress<SourceProgress>
    {
        private readonly Stopwatch sinceLast = Stopwatch.StartNew();

        public void Report(SourceProgress value)
        {
            if (value.Completed || sinceLast.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.Error.WriteLine($"{phase} {value.SourceId}: {value.Items:N0} items, {value.Pages} pages{(value.Completed ? ", done" : "")}");
                sinceLast.Restart();
            }
        }
    }
}
