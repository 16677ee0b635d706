using System.Diagnostics;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>
/// Builds the deployable zip once with <c>infra/package.sh</c> (a linux-x64 publish of the function app) and unzips
/// it, as the Flex host mounts it.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("okrsync-package-").FullName;

    public string Zip => Path.Combine(Folder, "okrsync.zip");

    public string AppRoot => Path.Combine(Folder, "app");

    public string ZipInfo { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var strategy = Path.Combine(Folder, "strategy.yaml");
        await File.WriteAllTextAsync(strategy, AppStrategy.Yaml);
        await RunAsync("bash", Path.Combine(RepositoryRoot.Infra, "package.sh"), "--strategy", strategy, "--output", Zip);
        await RunAsync("unzip", "-q", Zip, "-d", AppRoot);
        ZipInfo = await RunAsync("zipinfo", "-1", Zip);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
        return await output;
    }
}
