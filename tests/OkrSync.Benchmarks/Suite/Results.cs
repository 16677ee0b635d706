namespace OkrSync.Benchmarks.Suite;

/// <summary>Everything one <c>report</c> run measured (written as JSON; the markdown is rendered from it).</summary>
internal sealed record BenchmarkResults(
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    string Command,
    IReadOnlyList<SyncSizeResult> Sync,
    IReadOnlyList<WebhookResult> Webhooks,
    IReadOnlyList<AlignResult> Align,
    IReadOnlyList<LoadSample> Load,
    IReadOnlyList<string> Notes)
{
    /// <summary>The two-instance runs (part <c>webhooks2</c>); empty in reports saved before it existed.</summary>
    public IReadOnlyList<TwoInstanceResult> TwoInstances { get; init; } = [];
}

/// <summary>The machine's load average (<c>/proc/loadavg</c>: 1 and 5 minutes) when a part ended: other work on the machine shows here.</summary>
internal sealed record LoadSample(string After, double OneMinute, double FiveMinutes);

/// <summary>Part 1 and 2 for one N: the full sync, the idle sync right after, and the store's own batched-write ceiling.</summary>
internal sealed record SyncSizeResult(
    int Items,
    int Repositories,
    int Projects,
    int MinimumListCalls,
    SyncPhaseResult Full,
    TrackerCalls FullCalls,
    SyncPhaseResult Idle,
    TrackerCalls IdleCalls,
    long StoredEntities,
    long? StoredReportBytes,
    CeilingResult Ceiling,
    CeilingResult? SequentialCeiling,
    long? AzuriteSyncPeakBytes,
    long SyncProcessSampledPeakBytes,
    long FakesProcessPeakBytes)
{
    public double ItemsPerSecond => Items / Full.SyncSeconds;

    /// <summary>The faster of the two ceiling runs (8 at a time, 1 at a time): the store's best batched write rate seen.</summary>
    public double CeilingPerSecond => Math.Max(Ceiling.EntitiesPerSecond, SequentialCeiling?.EntitiesPerSecond ?? 0);

    /// <summary>Sync throughput ÷ the ceiling: the same entities per second.</summary>
    public double ShareOfCeiling => ItemsPerSecond / CeilingPerSecond;

    public long ListCallsOverMinimum => FullCalls.ListCalls - MinimumListCalls;

    /// <summary>CPU seconds Azurite used from the sync process's start to the end of the full sync.</summary>
    public double? AzuriteFullSyncCpuSeconds { get; init; }

    /// <summary>CPU seconds this process (the fake trackers and the benchmark) used in the same window.</summary>
    public double? FakesFullSyncCpuSeconds { get; init; }

    /// <summary>Every run of the full sync, in order (the result above is the fastest); empty in reports saved before runs were repeated.</summary>
    public IReadOnlyList<SyncRunSummary> Runs { get; init; } = [];

    /// <summary>Every run of the 8-at-a-time ceiling, entities per second, in order; empty in reports saved before they were kept.</summary>
    public IReadOnlyList<double> CeilingRunsPerSecond { get; init; } = [];

    /// <summary>The highest sync + realign peak of the cold runs: what the memory goal is held to (a warm process also holds what its warm-up left).</summary>
    public long HighestPeakBytes => Runs.Count == 0 ? Full.PeakWorkingSetBytes : Runs.Where(r => !r.Warm).Max(r => r.PeakSyncRealignBytes);

    /// <summary>The fastest warm run (<see cref="SyncRunSummary.Warm"/>), if any ran; explanatory: the goal is held to the cold runs.</summary>
    public SyncRunSummary? FastestWarm => Runs.Where(r => r.Warm).MinBy(r => r.SyncSeconds);

    /// <summary>The fastest warm run's throughput ÷ the ceiling.</summary>
    public double? WarmShareOfCeiling => FastestWarm is { } warm ? Items / warm.SyncSeconds / CeilingPerSecond : null;

    /// <summary>The highest sync-only peak of the cold runs.</summary>
    public long HighestSyncPeakBytes => Runs.Count == 0 ? Full.PeakWorkingSetSyncBytes : Runs.Where(r => !r.Warm).Max(r => r.PeakSyncBytes);
}

/// <summary>One run of the full sync: its time, CPU, peaks, and the CPU of Azurite and of the fake trackers meanwhile.</summary>
internal sealed record SyncRunSummary(double SyncSeconds, double SyncCpuSeconds, long PeakSyncBytes, long PeakSyncRealignBytes, double? AzuriteCpuSeconds, double? FakesCpuSeconds)
{
    /// <summary>
    /// Whether the sync process had already run a full sync and realign of the same fleet (into another, private
    /// Azurite) before this one: its code compiled, as in a long-running host (<c>okrsync serve</c>, a warm Functions
    /// instance). A cold run is a fresh process, as <c>okrsync sync</c> on the command line.
    /// </summary>
    public bool Warm { get; init; }
}

/// <summary>The sync process finished its warm-up sync (<see cref="SyncRunSummary.Warm"/>).</summary>
internal sealed record WarmedUp(double Seconds, double CpuSeconds);

/// <summary>One sync run inside the sync process: the engine's sync, then realigning and storing the report (as <c>okrsync sync</c> does).</summary>
internal sealed record SyncPhaseResult(
    string Phase,
    double SyncSeconds,
    int Fetched,
    int Written,
    int Unchanged,
    int Stale,
    long ApiCalls,
    long NotModified,
    StorageRequests SyncStorage,
    double UpsertSeconds,
    double CursorSeconds,
    long PeakWorkingSetSyncBytes,
    double RealignSeconds,
    StorageRequests RealignStorage,
    bool ReportWritten,
    long PeakWorkingSetBytes,
    bool PeakResetBeforePhase,
    string GcMode,
    IReadOnlyList<SourceResult> Sources)
{
    /// <summary>CPU seconds the sync process used during the engine's run.</summary>
    public double SyncCpuSeconds { get; init; }
}

/// <summary>Where a sync's wall time went: waiting on store upserts, on cursor reads/writes, and the rest (reading the trackers).</summary>
internal static class SyncPhaseTimes
{
    /// <summary>The store's waits (upserts and cursors, summed over the lanes) ÷ the sync's wall time.</summary>
    public static double StoreWaitShare(this SyncPhaseResult phase) => (phase.UpsertSeconds + phase.CursorSeconds) / Math.Max(phase.SyncSeconds, 1e-9);
}

internal sealed record SourceResult(string Id, int Fetched, int Written, int Unchanged, int Pages, long ApiCalls, long NotModified, double Seconds, string? Error);

/// <summary>Raw <c>SubmitTransactionAsync</c> upserts of the same entities, 100 per transaction, one partition each.</summary>
internal sealed record CeilingResult(int Parallelism, int Entities, long Transactions, double Seconds)
{
    public double EntitiesPerSecond => Entities / Seconds;

    /// <summary>CPU seconds the writing client (this process) used.</summary>
    public double? ClientCpuSeconds { get; init; }

    /// <summary>CPU seconds Azurite used.</summary>
    public double? AzuriteCpuSeconds { get; init; }
}

/// <summary>Part 4: <c>Rollups.Compute(index, Aligner.Align(index, items))</c>.</summary>
internal sealed record AlignResult(int Items, int Runs, double MedianMilliseconds, double MinMilliseconds, double AllocatedBytesPerItem, string GcMode, int Cores = 0)
{
    public double NanosecondsPerItem => MedianMilliseconds * 1e6 / Items;
}

/// <summary>Part 3: signed webhook deliveries at a fixed rate against <c>okrsync serve</c>.</summary>
internal sealed record WebhookResult(
    int Events,
    double RatePerSecond,
    int StoredItems,
    int Accepted,
    int Failed,
    double AcceptP50Milliseconds,
    double AcceptP99Milliseconds,
    double AcceptMaxMilliseconds,
    int Visible,
    double VisibleP50Milliseconds,
    double VisibleP99Milliseconds,
    double VisibleMaxMilliseconds,
    string VisibleProbe,
    int Polls,
    double MeanPollMilliseconds)
{
    /// <summary>CPU seconds okrsync serve used during the run (from sending the first event until all were visible or given up).</summary>
    public double? ServeCpuSeconds { get; init; }

    /// <summary>CPU seconds Azurite (node) used during the run; null on the SQLite store (its work is inside serve).</summary>
    public double? AzuriteCpuSeconds { get; init; }

    /// <summary>Where serve kept its items and queue: <c>tables</c> (Azurite: Table Storage + Storage Queue) or <c>sqlite</c> (the embedded default).</summary>
    public string Store { get; init; } = WebhookStores.Tables;

    /// <summary>How many <c>okrsync serve</c> processes shared the store and took the events (alternately).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>With several instances: the 202s each one gave, in order.</summary>
    public IReadOnlyList<int>? AcceptedByInstance { get; init; }

    /// <summary>Seconds to write the stored items into the store before serve started (not measured by the run).</summary>
    public double? SeedSeconds { get; init; }

    /// <summary>Seconds serve took for its first report over the stored items (the first <c>/ScheduledSync</c>: load, align, store).</summary>
    public double? FirstReportSeconds { get; init; }

    /// <summary>Serve's memory around this run (the sum over the instances when there are several).</summary>
    public ServeMemory? Memory { get; init; }

    /// <summary>Azurite's (node) peak working set when the run ended; null on SQLite.</summary>
    public long? AzuritePeakBytes { get; init; }
}

/// <summary>
/// <c>okrsync serve</c>'s working set (VmRSS) before the run's first event (after the first report and the warm-up),
/// the highest sampled every 250 ms during the run and right after it, and the kernel's peak (VmHWM, since serve
/// started, the first load included).
/// </summary>
internal sealed record ServeMemory(int StoredItems, long? BeforeBytes, long HighestSampledBytes, long? AfterBytes, long? PeakBytes)
{
    /// <summary>Peak bytes per stored item (the fixed base included).</summary>
    public double? PeakPerItem => PeakBytes is { } peak ? (double)peak / StoredItems : null;

    /// <summary>Working set after the run per stored item (the fixed base included).</summary>
    public double? AfterPerItem => AfterBytes is { } after ? (double)after / StoredItems : null;
}

/// <summary>
/// Two <c>okrsync serve</c> processes on one Azurite (one store, one queue), events sent to each in turn; once the
/// queue is empty and both answer the same total, each instance's <c>/api/rollup</c> and <c>/api/findings</c> are
/// compared with the report <c>okrsync report --store … --as-of …</c> recomputes from every stored item.
/// </summary>
internal sealed record TwoInstanceResult(
    WebhookResult Run,
    double DrainSeconds,
    bool Drained,
    bool Converged,
    IReadOnlyList<string> Differences,
    int ComparedFacts,
    double ReferenceSeconds,
    IReadOnlyList<long?> PeakBytesByInstance);

internal sealed record MachineInfo(int ProcessorCount, string Cpu, string Memory, string Runtime, string Os, string? Azurite);

/// <summary>Emitted by the sync process (<see cref="SyncWorker"/>) when the engine's sync ended, before the realign.</summary>
internal sealed record SyncEnded(string Phase);
