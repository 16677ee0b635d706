using System.Diagnostics;

namespace OkrSync.Testing.Emulators;

/// <summary>
/// The npm tools the tests run (Azurite, and later others) live in <c>infra/node_modules</c>, pinned by
/// <c>infra/package-lock.json</c>. The first fixture that needs them runs <c>npm ci</c>; a lock file makes
/// concurrent test assemblies (separate processes) wait for that one install instead of racing it.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Installs <c>infra/node_modules</c> unless <paramref name="relativePath"/> (e.g. <c>node_modules/azurite/package.json</c>) exists; returns its full path.</summary>
    public static async Task<string> EnsureAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        var infra = RepositoryRoot.Infra;
        var target = Path.Combine(infra, relativePath);
        if (File.Exists(target))
        {
            return target;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            await using var crossProcess = await AcquireFileLockAsync(Path.Combine(infra, ".npm-install.lock"), cancellationToken);
            if (!File.Exists(target))
            {
                var lockFile = File.Exists(Path.Combine(infra, "package-lock.json"));
                await RunAsync("npm", [lockFile ? "ci" : "install", "--no-audit", "--no-fund", "--prefix", infra], infra, TimeSpan.FromMinutes(10), cancellationToken);
            }
        }
        finally
        {
            InProcess.Release();
        }

        return File.Exists(target) ? target : throw new InvalidOperationException($"npm install in {infra} did not produce {relativePath}.");
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock across processes (flock on Unix).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250, timeout.Token);
            }
        }
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", tool } }
            : new ProcessStartInfo(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}: are Node.js and npm on PATH?");
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
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
