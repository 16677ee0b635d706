using System.Diagnostics;
using System.Reflection;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>Output of one bicep CLI run.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Diagnostics => (StandardError + StandardOutput).Trim();
}

/// <summary>
/// Runs the bicep CLI shipped in the Azure.Bicep.CommandLine.linux-x64 NuGet package; the test project
/// passes the package's executable path in as assembly metadata (BicepPath).
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ExecutablePath { get; } = FindExecutable();

    public static async Task<BicepResult> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(RunLimit);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var standardOutput = process.StandardOutput.ReadToEndAsync(limit.Token);
        var standardError = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepResult(process.ExitCode, await standardOutput, await standardError);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OkrSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OkrSync.sln above {AppContext.BaseDirectory}");
    }

    private static string FindExecutable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"bicep CLI not found at '{path}'; restore the Azure.Bicep.CommandLine.linux-x64 package");
        }

        // NuGet does not always keep the exec bit when it extracts a package (the package is linux-x64 only).
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Deploy tests run the linux-x64 bicep CLI");
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
