using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// Stands in for the Azure Functions host in front of one isolated-worker app: serves the gRPC
/// <c>FunctionRpc.EventStream</c> on loopback, starts the app as the host does, waits for its StartStream, initialises
/// it, reads its function metadata and loads every function. It then invokes functions with the host's payload shapes
/// and returns the worker's <see cref="InvocationResponse"/>. It does not schedule timers, poll queues, retry or check
/// function keys: the tests decide what to invoke. Every wait is bounded; a timeout or a worker that exits is an
/// exception carrying the worker's latest output and logs.
/// </summary>
public sealed partial class FunctionsHostEmulator : IAsyncDisposable
{
    /// <summary>The host version sent in WorkerInitRequest (the worker does not read it).</summary>
    public const string HostVersion = "4.1040.0";

    private readonly FunctionsHostEmulatorOptions options;
    private readonly WorkerChannel channel;
    private readonly Dictionary<string, RpcFunctionMetadata> functions = [];
    private RpcServer? server;
    private WorkerProcess? worker;

    private FunctionsHostEmulator(FunctionsHostEmulatorOptions options)
    {
        this.options = options;
        channel = new WorkerChannel(Diagnostics);
    }

    /// <summary>The worker's console and logs.</summary>
    public WorkerDiagnostics Diagnostics { get; } = new();

    /// <summary>The worker's capabilities from its WorkerInitResponse (e.g. <c>HttpUri</c> with the ASP.NET Core integration).</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The loaded functions by name, as the worker reported them in its FunctionMetadataResponse.</summary>
    public IReadOnlyDictionary<string, RpcFunctionMetadata> Functions => functions;

    /// <summary>How long the start took, from starting the gRPC server to the last FunctionLoadResponse.</summary>
    public TimeSpan StartupDuration { get; private set; }

    /// <summary>Starts the app and loads its functions; throws (with the worker's output) when any step fails or times out.</summary>
    public static async Task<FunctionsHostEmulator> StartAsync(FunctionsHostEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emulator = new FunctionsHostEmulator(options);
        try
        {
            await emulator.StartWorkerAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a function with the given input bindings and trigger metadata, and returns the worker's answer.</summary>
    public async Task<InvocationResponse> InvokeAsync(
        string functionName, IReadOnlyDictionary<string, TypedData> inputs, IReadOnlyDictionary<string, TypedData> triggerMetadata,
        string? invocationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(triggerMetadata);
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = Function(functionName).FunctionId,
            // The worker dereferences the trace context; the host always sends one.
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
        };
        request.InputData.Add(inputs.Select(i => new ParameterBinding { Name = i.Key, Data = i.Value }));
        foreach (var (key, value) in triggerMetadata)
        {
            request.TriggerMetadata[key] = value;
        }

        var reply = await Bounded.WaitAsync(
            channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, cancellationToken),
            $"the InvocationResponse of {functionName}", options.InvocationTimeout, Diagnostics, cancellationToken);
        return reply.InvocationResponse ?? throw Unexpected(reply, "an InvocationResponse");
    }

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await StopWorkerAsync();
            await worker.DisposeAsync();
        }
        channel.Close(new ObjectDisposedException(nameof(FunctionsHostEmulator)));
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        httpClient.Dispose();
    }

    private RpcFunctionMetadata Function(string name) =>
        functions.TryGetValue(name, out var function)
            ? function
            : throw new KeyNotFoundException($"The worker has no function {name}; it has {string.Join(", ", functions.Keys)}.");
}
