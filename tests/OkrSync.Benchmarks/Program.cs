using BenchmarkDotNet.Running;

namespace OkrSync.Benchmarks;

internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["connectors", .. var rest])
        {
            return await ConnectorsMeasurement.RunAsync(rest);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
