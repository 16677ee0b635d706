using System.Diagnostics;
using System.Reflection;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>
/// Relative paths resolve where the user stands, also through <c>dotnet run --project functions/OkrSync.Cli --</c> (the
/// Web SDK used to start the program in the project folder: <c>init</c> and <c>demo</c> wrote into the source tree and
/// <c>validate</c> did not find the user's file).
/// </summary>
public sealed class WorkingDirectoryTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task DotnetRun_InitThenValidate_ResolvesPathsWhereTheUserStands()
    {
        var project = Path.Combine(RepositoryRoot.Find(), "functions", "OkrSync.Cli");
        var strayInit = Path.Combine(project, "my-okrs");
        Assert.False(Directory.Exists(strayInit), $"{strayInit} exists before the test");

        var init = await DotnetRunAsync(project, "init", "my-okrs");
        var validate = await DotnetRunAsync(project, "validate", "my-okrs/strategy.yaml");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(Path.Combine(directory.Path, "my-okrs", "strategy.yaml")), init.ToString());
        Assert.False(Directory.Exists(strayInit), "init wrote into the source tree");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("my-okrs/strategy.yaml: valid.", validate.Output, StringComparison.Ordinal);
    }

    private async Task<OkrsyncExit> DotnetRunAsync(string project, params string[] arguments)
    {
        var configuration = typeof(WorkingDirectoryTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--no-build", "-c", configuration, "--project", project, "--" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return new OkrsyncExit(process.ExitCode, await output, await error);
    }
}
