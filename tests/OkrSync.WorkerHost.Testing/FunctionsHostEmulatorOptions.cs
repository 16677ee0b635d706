namespace OkrSync.WorkerHost.Testing;

/// <summary>How <see cref="FunctionsHostEmulator"/> starts an isolated-worker app and how long it waits for it.</summary>
public sealed class FunctionsHostEmulatorOptions
{
    /// <summary>
    /// The app's build or publish folder: it holds <c>worker.config.json</c> (which names the executable and the
    /// assembly to start), <c>host.json</c> and the assemblies. Required.
    /// </summary>
    public required string AppDirectory { get; init; }

    /// <summary>App settings, passed to the worker as environment variables as the host does. Empty by default.</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Bound on the whole start: process start, StartStream, init, metadata and loading every function.
    /// Default 60 s (a cold start on a busy 2-core machine takes a few seconds).
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Bound on one invocation, including the proxied HTTP request. Default 30 s.</summary>
    public TimeSpan InvocationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the worker gets to stop after WorkerTerminate before it is killed. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for trigger payloads (timer schedule status, queue message times). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
