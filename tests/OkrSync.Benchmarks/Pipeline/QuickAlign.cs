using System.Diagnostics;
using System.Globalization;
using OkrSync.Core.Alignment;
using OkrSync.Core.Rollup;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// A quick stopwatch check of align + rollup, for use while developing (BenchmarkDotNet gives the figures of
/// record): <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- quick-align 1000000</c>.
/// </summary>
internal static class QuickAlign
{
    public static void Run(int count)
    {
        var index = new StrategyIndex(SyntheticWork.Strategy());
        var items = SyntheticWork.Items(count, DateTimeOffset.UnixEpoch.AddYears(56));
        for (var run = 0; run < 7; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var rollup = Rollups.Compute(index, Aligner.Align(index, items));
            wall.Stop();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {count:N0} items, wall {wall.Elapsed.TotalMilliseconds:F0} ms, cpu {cpuMs:F0} ms, {rollup.Bets.Count} bets"));
        }
    }
}
