using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.App.Support;

/// <summary>
/// The built <c>okrsync</c> executable run as a separate process (the way <c>okrsync serve</c> or the Functions host
/// starts it), with its output kept for failure messages and its process tree killed on dispose.
/// </summary>
internal sealed class OkrsyncProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private OkrsyncProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', output);

    /// <summary>The executable the build put next to the Functions project's output (same configuration as the tests).</summary>
    public static string BuiltExecutable()
    {
        var configuration = typeof(OkrsyncProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(RepositoryRoot.Find(), "functions", "OkrSync.Cli", "bin", configuration, "net10.0", "okrsync");
    }

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/> and waits (bounded) until <c>GET {readyPath}</c> answers.</summary>
    public static async Task<OkrsyncProcess> StartAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory, IDictionary<string, string> environment, int port, string readyPath)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var started = new OkrsyncProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = await AppHarness.EventuallyAsync(async () => !process.HasExited && await started.AnswersAsync(readyPath), attempts: 600);
        if (!ready)
        {
            await started.DisposeAsync();
            throw new InvalidOperationException($"okrsync did not start:\n{started.Output}");
        }
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private async Task<bool> AnswersAsync(string path)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
