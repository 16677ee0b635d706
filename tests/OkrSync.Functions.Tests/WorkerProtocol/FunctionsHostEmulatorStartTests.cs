using OkrSync.WorkerHost.Testing;

namespace OkrSync.Functions.Tests.WorkerProtocol;

/// <summary>A worker that cannot start is reported at once, with what it printed, instead of a wait running out.</summary>
public sealed class FunctionsHostEmulatorStartTests : IDisposable
{
    private readonly DirectoryInfo app = Directory.CreateTempSubdirectory("okrsync-worker-");

    [Fact]
    public async Task WorkerAssemblyMissing_FailsFastWithTheWorkersOutput()
    {
        File.WriteAllText(Path.Combine(app.FullName, "worker.config.json"),
            """{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "dotnet", "defaultWorkerPath": "Missing.dll" } }""");
        var options = new FunctionsHostEmulatorOptions { AppDirectory = app.FullName, StartupTimeout = TimeSpan.FromSeconds(30) };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionsHostEmulator.StartAsync(options));

        Assert.Contains("The worker exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Missing.dll", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutWorkerConfig_IsRejectedAsNoWorkerApp()
    {
        var options = new FunctionsHostEmulatorOptions { AppDirectory = app.FullName };

        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => FunctionsHostEmulator.StartAsync(options));

        Assert.Contains("worker.config.json", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => app.Delete(recursive: true);
}
