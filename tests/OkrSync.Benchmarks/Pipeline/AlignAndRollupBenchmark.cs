using BenchmarkDotNet.Attributes;
using OkrSync.Core.Alignment;
using OkrSync.Core.Investment;
using OkrSync.Core.Reports;
using OkrSync.Core.Rollup;
using OkrSync.Core.Work;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// The pure pipeline on synthetic data: alignment plus rollup (the hot path, target: 1M items well under 1 s),
/// the same plus the investment balance, and the full report including findings. Run: <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- --filter *AlignAndRollup*</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AlignAndRollupBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private StrategyIndex index = null!;
    private WorkItem[] items = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        index = new StrategyIndex(SyntheticWork.Strategy());
        items = SyntheticWork.Items(Items, Now);
    }

    [Benchmark(Baseline = true)]
    public StrategyRollup AlignAndRollup() => Rollups.Compute(index, Aligner.Align(index, items));

    /// <summary>What every report computes before its findings: align, roll up, and the investment balance (issue 13; target 1M under 1 s on one core).</summary>
    [Benchmark]
    public InvestmentBalance AlignRollupAndInvestment()
    {
        var alignments = Aligner.Align(index, items);
        GC.KeepAlive(Rollups.Compute(index, alignments));
        return InvestmentCalculator.Compute(index, alignments, Now, index.Strategy.Thresholds.InvestmentWindowDays);
    }

    [Benchmark]
    public Report FullReport() => ReportBuilder.Build(index, items, Now);
}
