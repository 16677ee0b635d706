using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Core.Alignment;
using OkrSync.Core.Investment;
using OkrSync.Core.Rollup;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Part 4: align + rollup + investment balance (issue 13) of N synthetic items (<see cref="SyntheticWork"/>, the same as the BenchmarkDotNet
/// benchmark) in a child process with okrsync's GC mode: 2 warm-up runs, then <see cref="Runs"/> timed runs; the
/// median wall time and the bytes allocated per run (all threads, precise) per item. The target is "under 1 s on one
/// core", so the child is pinned to one core (<c>taskset -c 0</c>) where taskset exists, and the result says whether it was.
/// </summary>
internal static class AlignMeasurement
{
    public const int Runs = 7;
    private const int WarmUps = 2;

    /// <summary>Parent side: runs the worker and returns its result.</summary>
    public static async Task<AlignResult> RunAsync(int items, ReportOptions options, CancellationToken cancellationToken = default)
    {
        var oneCore = File.Exists(WorkerProcess.TaskSet);
        await using var worker = WorkerProcess.StartSelf($"align {items / 1000}k", ["align", items.ToString(CultureInfo.InvariantCulture)], options.RuntimeEnvironment(), oneCore);
        var result = await worker.ReadResultAsync<AlignResult>(cancellationToken);
        await worker.WaitForExitAsync(cancellationToken);
        Progress.Line($"align + rollup {items:N0}: median {result.MedianMilliseconds:F0} ms, {result.AllocatedBytesPerItem:F0} B/item");
        return result;
    }

    private static StrategyRollup Run(StrategyIndex index, Core.Work.WorkItem[] items, DateTimeOffset now)
    {
        var alignments = Aligner.Align(index, items);
        var rollup = Rollups.Compute(index, alignments);
        GC.KeepAlive(InvestmentCalculator.Compute(index, alignments, now, index.Strategy.Thresholds.InvestmentWindowDays));
        return rollup;
    }

    /// <summary>Worker side (<c>report-worker align N</c>).</summary>
    public static int Work(int count)
    {
        var index = new StrategyIndex(SyntheticWork.Strategy());
        var now = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var items = SyntheticWork.Items(count, now);
        for (var run = 0; run < WarmUps; run++)
        {
            GC.KeepAlive(Run(index, items, now));
        }

        var times = new List<double>(Runs);
        var allocations = new List<long>(Runs);
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var rollup = Run(index, items, now);
            clock.Stop();
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            times.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(rollup);
        }

        times.Sort();
        allocations.Sort();
        WorkerProcess.Emit(new AlignResult(count, Runs, times[Runs / 2], times[0], (double)allocations[Runs / 2] / count, GCSettings.IsServerGC ? "server" : "workstation", Environment.ProcessorCount));
        return 0;
    }
}
