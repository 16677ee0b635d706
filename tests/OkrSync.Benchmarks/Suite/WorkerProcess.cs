using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// A measured child process: this benchmark executable in worker mode (<c>report-worker …</c>), or any other
/// executable. Its stderr is forwarded to ours (progress); stdout lines starting with <c>RESULT </c> are JSON results,
/// other stdout lines are forwarded too. Its working set is sampled every 100 ms while it runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    public const string ResultPrefix = "RESULT ";
    // Figures not measured in a run (a webhook run without polling has no visibility) are NaN: written as "NaN".
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly Process process;
    private readonly Channel<string> results = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long peakSampled;

    private WorkerProcess(Process process, string label)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, label);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine($"  [{label}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        sampler = SampleAsync(stop.Token);
    }

    public int Id => process.Id;

    /// <summary>The highest working set seen by sampling (the child's own peak is exact; this is a cross-check).</summary>
    public long PeakSampledWorkingSet => Interlocked.Read(ref peakSampled);

    /// <summary>
    /// For profiling a measured child alone: every variable <c>OKRSYNC_BENCH_CHILD_X=value</c> of this process is given to
    /// the child as <c>X=value</c> (e.g. <c>OKRSYNC_BENCH_CHILD_DOTNET_JitDisasmSummary=1</c>).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ProfilingEnvironment() => ProfilingEnvironment(ChildPrefix);

    /// <summary>The same for <c>okrsync serve</c> in the webhook parts: <c>OKRSYNC_BENCH_SERVE_X=value</c> is given to serve as <c>X=value</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ServeProfilingEnvironment() => ProfilingEnvironment(ServePrefix);

    private static IEnumerable<KeyValuePair<string, string>> ProfilingEnvironment(string prefix) =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: e.Value as string ?? ""))
            .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal) && e.Name.Length > prefix.Length)
            .Select(e => new KeyValuePair<string, string>(e.Name[prefix.Length..], e.Value));

    private const string ChildPrefix = "OKRSYNC_BENCH_CHILD_";
    private const string ServePrefix = "OKRSYNC_BENCH_SERVE_";

    /// <summary>Where <c>taskset</c> is, to pin a measured child to one core (util-linux; absent on some machines).</summary>
    public const string TaskSet = "/usr/bin/taskset";

    /// <summary>
    /// Starts this executable with <c>report-worker</c> and <paramref name="arguments"/>; with <paramref name="oneCore"/>,
    /// pinned to CPU 0 from its start (<c>taskset -c 0</c>, so that the runtime sizes itself for one core too).
    /// </summary>
    public static WorkerProcess StartSelf(string label, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, bool oneCore = false)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var start = new ProcessStartInfo(oneCore ? TaskSet : path);
        if (oneCore)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add(path);
        }
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }
        start.ArgumentList.Add("report-worker");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Start(label, start, environment);
    }

    public static WorkerProcess Start(string label, ProcessStartInfo start, IEnumerable<KeyValuePair<string, string>> environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        return new WorkerProcess(process, label);
    }

    /// <summary>The next <c>RESULT</c> line, deserialized.</summary>
    public async Task<T> ReadResultAsync<T>(CancellationToken cancellationToken = default)
    {
        var line = await results.Reader.ReadAsync(cancellationToken);
        return JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException("Empty worker result.");
    }

    /// <summary>Tells the worker to go on (it waits for a line on its stdin between phases).</summary>
    public async Task ContinueAsync()
    {
        await process.StandardInput.WriteLineAsync("continue");
        await process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        await stop.CancelAsync();
        try
        {
            await sampler;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
        process.Dispose();
    }

    private void OnOutput(string? line, string label)
    {
        if (line is null)
        {
            results.Writer.TryComplete(new InvalidOperationException($"{label} ended without a result (exit code in the log above)."));
        }
        else if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
        {
            results.Writer.TryWrite(line[ResultPrefix.Length..]);
        }
        else
        {
            Console.Error.WriteLine($"  [{label}] {line}");
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                process.Refresh();
                if (process.HasExited)
                {
                    return;
                }
                var now = process.WorkingSet64;
                if (now > Interlocked.Read(ref peakSampled))
                {
                    Interlocked.Exchange(ref peakSampled, now);
                }
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }

    /// <summary>Writes a result line for the parent (worker side).</summary>
    public static void Emit<T>(T result) => Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
}
