using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using OkrSync.Core.Reports;
using OkrSync.Pipeline;
using OkrSync.Storage.Tables;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// Where one live recompute's time goes at N stored items (what every webhook batch costs `okrsync serve`):
/// build the report, cut it to the stored document, gzip it, save it to Table Storage (Azurite), read it back
/// (cold and cached) and render <c>/api/rollup</c>'s JSON.
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- recompute-stages 100000</c>.
/// </summary>
internal static class RecomputeStages
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        var strategy = SyntheticWork.Strategy();
        var items = SyntheticWork.Items(count, DateTimeOffset.UnixEpoch.AddYears(56));
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "stages" };
        using var writer = new TableWorkStore(options);
        using var reader = new TableWorkStore(options);
        await writer.EnsureCreatedAsync();

        Console.WriteLine($"| run | build | stored document | gzip fastest (MB) | gzip optimal (MB) | save | read, cold | read, cached | rollup JSON (MB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        for (var run = 0; run < 5; run++)
        {
            var report = Time(() => ReportBuilder.Build(strategy, items, DateTimeOffset.UtcNow), out var build);
            var document = Time(() => ReportRecomputer.ToStoredDocument(report), out var cut);
            var fast = Time(() => Gzip(document, CompressionLevel.Fastest), out var fastTime);
            var small = Time(() => Gzip(document, CompressionLevel.Optimal), out var smallTime);
            var save = Stopwatch.StartNew();
            await writer.SaveCurrentReportAsync(document);
            save.Stop();
            var cold = Stopwatch.StartNew();
            await reader.ReadCurrentReportAsync();
            cold.Stop();
            var cached = Stopwatch.StartNew();
            await reader.ReadCurrentReportAsync();
            cached.Stop();
            var json = Time(() => JsonSerializer.SerializeToUtf8Bytes(document, ReportJsonContext.Default.ReportDocument), out var render);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {Ms(build)} | {Ms(cut)} | {Ms(fastTime)} ({Mb(fast)}) | {Ms(smallTime)} ({Mb(small)}) | {Ms(save.Elapsed)} | {Ms(cold.Elapsed)} | {Ms(cached.Elapsed)} | {Ms(render)} ({Mb(json.Length)}) |"));
        }

        return 0;
    }

    private static T Time<T>(Func<T> work, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        elapsed = watch.Elapsed;
        return result;
    }

    private static int Gzip(ReportDocument document, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document, ReportJsonContext.Default.ReportDocument);
        }

        return (int)output.Length;
    }

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long bytes) => (bytes / 1_048_576.0).ToString("F1", CultureInfo.InvariantCulture);
}
