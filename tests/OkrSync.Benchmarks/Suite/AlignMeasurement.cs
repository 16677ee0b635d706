using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Core.Alignment;
using OkrSync.Core.Rollup;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Part 4: align + rollup of N synthetic items (<see cref="SyntheticWork"/>, the same as the BenchmarkDotNet
/// benchmark) in a child process with okrsync's GC mode: 2 warm-up runs, then <see cref="Runs"/> timed runs; the
/// median wall time and the bytes allocated per run (all threads, precise) per item.
/// </summary>
internal static class AlignMeasurement
{
    public const int Runs = 7;
    private const int WarmUps = 2;

    /// <summary>Parent side: runs the worker and returns its result.</summary>
    public static async Task<AlignResult> RunAsync(int items, ReportOptions options, CancellationToken cancellationToken = default)
    {
        await using var worker = WorkerProcess.StartSelf($"align {items / 1000}k", ["align", items.ToString(CultureInfo.InvariantCulture)], options.GcEnvironment());
        var result = await worker.ReadResultAsync<AlignResult>(cancellationToken);
        await worker.WaitForExitAsync(cancellationToken);
        Progress.Line($"align + rollup {items:N0}: median {result.MedianMilliseconds:F0} ms, {result.AllocatedBytesPerItem:F0} B/item");
        return result;
    }

    /// <summary>Worker side (<c>report-worker align N</c>).</summary>
    public static int Work(int count)
    {
        var index = new StrategyIndex(SyntheticWork.Strategy());
        var items = SyntheticWork.Items(count, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        for (var run = 0; run < WarmUps; run++)
        {
            GC.KeepAlive(Rollups.Compute(index, Aligner.Align(index, items)));
        }

        var times = new List<double>(Runs);
        var allocations = new List<long>(Runs);
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var rollup = Rollups.Compute(index, Aligner.Align(index, items));
            clock.Stop();
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            times.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(rollup);
        }

        times.Sort();
        allocations.Sort();
        WorkerProcess.Emit(new AlignResult(count, Runs, times[Runs / 2], times[0], (double)allocations[Runs / 2] / count, GCSettings.IsServerGC ? "server" : "workstation"));
        return 0;
    }
}
