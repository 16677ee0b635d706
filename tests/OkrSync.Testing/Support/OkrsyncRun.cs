using System.Diagnostics;
using OkrSync.Functions.Tests.App.Support;

namespace OkrSync.Functions.Tests.Support;

/// <summary>What a finished <c>okrsync</c> process printed, and its exit code (-1: killed at the time limit).</summary>
internal sealed record OkrsyncExit(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs the built <c>okrsync</c> executable to its end, bounded by a time limit, with an environment of the test's
/// own. <c>asNonRoot</c>: file modes apply as they do for any user; as root, the capabilities that let root write
/// to read-only files and folders are dropped from the process (util-linux <c>setpriv</c>).
/// </summary>
internal static class OkrsyncRun
{
    public static async Task<OkrsyncExit> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, bool asNonRoot = false, int timeLimitSeconds = 60)
    {
        var executable = OkrsyncProcess.BuiltExecutable();
        var start = new ProcessStartInfo(asNonRoot && Environment.IsPrivilegedProcess ? "setpriv" : executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asNonRoot && Environment.IsPrivilegedProcess)
        {
            foreach (var argument in new[] { "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(timeLimitSeconds));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new OkrsyncExit(-1, await output, await error);
        }
        return new OkrsyncExit(process.ExitCode, await output, await error);
    }
}
