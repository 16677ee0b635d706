using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using OkrSync.WorkerHost.Testing;

namespace OkrSync.Functions.Tests.WorkerProtocol;

/// <summary>
/// The sample isolated-worker app (tests/OkrSync.WorkerHost.Sample), started once behind the host emulator for the
/// worker-protocol tests, on a fixed clock. Each test invokes its own functions and reads only its own invocation.
/// </summary>
public sealed class SampleWorkerFixture : IAsyncLifetime
{
    /// <summary>The clock the emulator builds payloads with: 17:41 UTC, so the sample's 5-minute timer is next due at 17:45.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 15, 17, 41, 0, TimeSpan.Zero);

    private FunctionsHostEmulator? host;

    public FunctionsHostEmulator Host => host ?? throw new InvalidOperationException("The sample worker has not started.");

    /// <summary>The sample's build output, which the build of this test project produces first.</summary>
    public static string AppDirectory =>
        typeof(SampleWorkerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WorkerSampleDirectory").Value
        ?? throw new InvalidOperationException("The test assembly does not say where the worker sample was built.");

    public async Task InitializeAsync() =>
        host = await FunctionsHostEmulator.StartAsync(new FunctionsHostEmulatorOptions
        {
            AppDirectory = AppDirectory,
            TimeProvider = new FakeTimeProvider(Now),
        });

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SampleWorkerCollection : ICollectionFixture<SampleWorkerFixture>
{
    public const string Name = "Sample isolated worker";
}
