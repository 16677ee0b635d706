using System.Diagnostics;
using System.Globalization;
using OkrSync.Core.Alignment;
using OkrSync.Core.Investment;
using OkrSync.Core.Rollup;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// A quick stopwatch check of align + rollup + investment balance, for use while developing (BenchmarkDotNet gives the figures of
/// record): <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- quick-align 1000000</c>.
/// </summary>
internal static class QuickAlign
{
    public static void Run(int count)
    {
        var index = new StrategyIndex(SyntheticWork.Strategy());
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var items = SyntheticWork.Items(count, now);
        for (var run = 0; run < 7; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var wall = Stopwatch.StartNew();
            var alignments = Aligner.Align(index, items);
            var alignBytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            var rollup = Rollups.Compute(index, alignments);
            var alignedAt = wall.Elapsed;
            var alignedCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var investment = InvestmentCalculator.Compute(index, alignments, now, index.Strategy.Thresholds.InvestmentWindowDays);
            wall.Stop();
            var end = Process.GetCurrentProcess().TotalProcessorTime;
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: {count:N0} items, align + rollup + investment: wall {wall.Elapsed.TotalMilliseconds:F0} ms, cpu {(end - cpu).TotalMilliseconds:F0} ms (investment alone: wall {(wall.Elapsed - alignedAt).TotalMilliseconds:F0} ms, cpu {(end - alignedCpu).TotalMilliseconds:F0} ms), {rollup.Bets.Count} bets, {investment.Items:N0} items worked in the window ({investment.Total:N0} {investment.Unit}); allocated {megabytes:F0} MB (align {alignBytes:F0} MB), collections gen0/1/2 {collections}"));
        }
    }
}
