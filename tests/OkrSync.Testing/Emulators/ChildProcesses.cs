using System.Collections.Concurrent;
using System.Diagnostics;

namespace OkrSync.Testing.Emulators;

/// <summary>Running tools the fixtures need (npm, apt, chromium): to completion, bounded, and one at a time across processes.</summary>
internal static class ChildProcesses
{
    /// <summary>Runs <paramref name="start"/> to completion; a non-zero exit or the timeout is an exception with the tool's output.</summary>
    public static async Task RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var description = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}: is it on PATH?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{description} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    /// <summary>An exclusive lock across processes (FileShare.None is flock on Unix), waited for up to 15 minutes.</summary>
    public static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250, timeout.Token);
            }
        }
    }
}

/// <summary>A long-running child (an emulator): its last 200 output lines are kept for error messages; stopping kills its tree.</summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private readonly Process process;

    public BackgroundProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}: is it on PATH?");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public string Output => string.Join('\n', output);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }
}
