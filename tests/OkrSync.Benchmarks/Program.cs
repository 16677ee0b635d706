using System.Globalization;
using BenchmarkDotNet.Running;
using OkrSync.Benchmarks.Pipeline;

namespace OkrSync.Benchmarks;

internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["quick-align", var count])
        {
            QuickAlign.Run(int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
