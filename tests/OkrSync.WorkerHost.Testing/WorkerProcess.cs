using System.Diagnostics;

namespace OkrSync.WorkerHost.Testing;

/// <summary>The running worker: its console goes to the diagnostics, and disposing it kills what is still running.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;

    private WorkerProcess(Process process, WorkerDiagnostics diagnostics)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => diagnostics.AddOutput("out", e.Data);
        process.ErrorDataReceived += (_, e) => diagnostics.AddOutput("err", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Exited = WaitForExitCodeAsync();
    }

    /// <summary>Completes with the exit code once the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited { get; }

    public static WorkerProcess Start(ProcessStartInfo start, WorkerDiagnostics diagnostics)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        return new WorkerProcess(process, diagnostics);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Exited.IsCompleted)
            {
                process.Kill(entireProcessTree: true);
                await Exited.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task<int> WaitForExitCodeAsync()
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
