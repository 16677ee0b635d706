using System.Globalization;
using BenchmarkDotNet.Running;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Benchmarks.Suite;

namespace OkrSync.Benchmarks;

/// <summary>
/// BenchmarkDotNet benchmarks (<c>--filter ...</c>), plus plain measurements that need real servers and print
/// their own tables: one line each below.
/// </summary>
internal static class BenchmarkProgram
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Measurements = new(StringComparer.Ordinal)
    {
        ["live-event"] = LiveEventCost.RunAsync,
        ["quick-align"] = args => { QuickAlign.Run(int.Parse(args.ElementAtOrDefault(1) ?? "1000000", CultureInfo.InvariantCulture)); return Task.FromResult(0); },
        ["store-throughput"] = StoreThroughput.RunAsync,
        ["recompute-stages"] = RecomputeStages.RunAsync,
        ["connectors"] = args => ConnectorsMeasurement.RunAsync(args[1..]),
        ["report"] = args => ReportCommand.RunAsync(args[1..]),
        ["report-worker"] = args => ReportCommand.WorkAsync(args[1..]),
        ["seed-probe"] = args => SeedProbe.RunAsync(args[1..]),
        ["webhooks"] = Webhooks.WebhookMeasurement.RunAsync,
        ["dashboard"] = Dashboard.DashboardPageMeasurement.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Measurements.TryGetValue(args[0], out var measurement))
        {
            return await measurement(args);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
