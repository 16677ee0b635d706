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
        // The target file appears long before npm has finished extracting the other packages, so "installed" is a
        // marker written after npm succeeded, for this exact lock file; checking only the target races a running install.
        if (IsInstalled(infra) && File.Exists(target))
        {
            return target;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            await using var crossProcess = await ChildProcesses.AcquireFileLockAsync(Path.Combine(infra, ".npm-install.lock"), cancellationToken);
            if (!IsInstalled(infra) || !File.Exists(target))
            {
                var lockFile = File.Exists(Path.Combine(infra, "package-lock.json"));
                await ChildProcesses.RunAsync(Npm([lockFile ? "ci" : "install", "--no-audit", "--no-fund", "--prefix", infra], infra), TimeSpan.FromMinutes(10), cancellationToken);
                await File.WriteAllTextAsync(MarkerPath(infra), LockHash(infra), cancellationToken);
            }
        }
        finally
        {
            InProcess.Release();
        }

        return File.Exists(target) ? target : throw new InvalidOperationException($"npm install in {infra} did not produce {relativePath}.");
    }

    private static string MarkerPath(string infra) => Path.Combine(infra, "node_modules", ".okrsync-installed");

    private static bool IsInstalled(string infra) =>
        File.Exists(MarkerPath(infra)) && File.ReadAllText(MarkerPath(infra)) == LockHash(infra);

    private static string LockHash(string infra)
    {
        var lockFile = Path.Combine(infra, "package-lock.json");
        return File.Exists(lockFile) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(lockFile))) : "no-lock-file";
    }

    private static ProcessStartInfo Npm(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", "npm" } }
            : new ProcessStartInfo("npm");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.WorkingDirectory = workingDirectory;
        return start;
    }
}
