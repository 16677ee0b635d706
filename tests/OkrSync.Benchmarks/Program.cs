using BenchmarkDotNet.Running;

namespace OkrSync.Benchmarks;

internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Plain measurements that are not BenchmarkDotNet runs come first.
        if (args.Length > 0 && args[0] == "store-throughput")
        {
            return await StoreThroughput.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
