using System.Globalization;
using System.Text.Json;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- report [options]</c> (see <see cref="ReportOptions"/>):
/// runs every part of the benchmark (align + rollup, full and idle sync into Azurite with the store's ceiling, the
/// webhook path on Azurite and on the embedded SQLite store with serve's memory per item, two instances on one store), prints a markdown table to stdout and writes it, with the JSON, to the output folder.
/// Progress goes to stderr. Starts Azurite (installing it with npm on first use) and the fake trackers itself.
/// <c>report --render PATH/report.json</c> prints the markdown of a saved run again.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--render", var saved])
        {
            // Renders the markdown again from a saved report.json (after a change to the rendering).
            var loaded = JsonSerializer.Deserialize<BenchmarkResults>(await File.ReadAllTextAsync(saved), WorkerProcess.Json) ?? throw new InvalidDataException(saved);
            Console.Out.Write(MarkdownReport.Render(loaded));
            return 0;
        }
        if (args is ["--help"] or ["-h"])
        {
            Console.Out.WriteLine(ReportOptions.Usage);
            return 0;
        }
        ReportOptions options;
        try
        {
            options = ReportOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"report: {e.Message}\n\n{ReportOptions.Usage}");
            return 2;
        }
        var started = DateTimeOffset.Now;
        var notes = new List<string>();
        var align = new List<AlignResult>();
        var sync = new List<SyncSizeResult>();
        var webhooks = new List<WebhookResult>();
        var twoInstances = new List<TwoInstanceResult>();
        var load = new List<LoadSample>();
        void SampleLoad(string after)
        {
            if (MachineDescription.Load(after) is { } sample)
            {
                load.Add(sample);
            }
        }
        SampleLoad("start");
        await NodeTools.EnsureAsync(Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"));

        if (options.Parts.Contains("align"))
        {
            foreach (var size in options.AlignSizes)
            {
                align.Add(await AlignMeasurement.RunAsync(size, options));
            }
            SampleLoad("align");
        }
        if (options.Parts.Contains("sync"))
        {
            foreach (var size in options.Sizes)
            {
                var result = await SyncMeasurement.RunAsync(size, options);
                Progress.Line($"sync {size:N0}: {result.ItemsPerSecond:N0} items/s = {result.ShareOfCeiling:P0} of the ceiling; list calls {result.FullCalls.ListCalls} (minimum {result.MinimumListCalls})");
                sync.Add(result);
                SampleLoad($"sync {Fmt.K(size)}");
            }
        }
        if (options.Parts.Contains("webhooks"))
        {
            webhooks.AddRange(await WebhookRun.RunAsync(options, notes));
            SampleLoad("webhooks");
        }
        if (options.Parts.Contains("webhooks2"))
        {
            twoInstances.AddRange(await TwoInstanceRun.RunAsync(options, notes));
            SampleLoad("two instances");
        }

        var results = new BenchmarkResults(MachineDescription.Current(), started, "report " + string.Join(' ', args), sync, webhooks, align, load, notes) { TwoInstances = twoInstances };
        var markdown = MarkdownReport.Render(results);
        Console.Out.Write(markdown);
        var folder = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(RepositoryRoot.Find(), options.Out);
        Directory.CreateDirectory(folder);
        var stamp = started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(results, new JsonSerializerOptions(WorkerProcess.Json) { WriteIndented = true });
        foreach (var name in new[] { "report", $"report-{stamp}" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), json);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".md"), markdown);
        }
        Progress.Line($"written: {Path.Combine(folder, "report.md")} and report.json (also report-{stamp}.*)");
        return 0;
    }

    /// <summary><c>report-worker sync</c> | <c>report-worker align N</c>: the measured child processes.</summary>
    public static async Task<int> WorkAsync(string[] args) => args.ElementAtOrDefault(0) switch
    {
        "sync" => await SyncWorker.RunAsync(),
        "align" => AlignMeasurement.Work(int.Parse(args[1], CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException("report-worker sync | align N"),
    };
}
