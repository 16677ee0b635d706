using System.Diagnostics;
using OkrSync.Pipeline;

namespace OkrSync.Web.Invocations;

/// <summary>
/// Routes an invocation to its function and turns the outcome into what the host expects: 200 with the result, or
/// 500 with the error in <c>Logs</c> (any non-2xx fails the invocation). One code path for the host and for
/// <c>okrsync serve</c>'s own timers and queue pump.
/// </summary>
internal sealed partial class InvocationDispatcher(IEnumerable<IFunctionHandler> handlers, ILogger<InvocationDispatcher> logger)
{
    private readonly Dictionary<string, IFunctionHandler> byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Functions => byName.Keys;

    public bool Handles(string function) => byName.ContainsKey(function);

    public async Task<InvocationOutcome> DispatchAsync(string function, InvocationRequest request, CancellationToken cancellationToken = default)
    {
        if (!byName.TryGetValue(function, out var handler))
        {
            return new InvocationOutcome(StatusCodes.Status404NotFound, InvocationResult.Of($"no function named '{function}'"));
        }
        using var activity = OkrSyncTelemetry.Source.StartActivity($"invoke {handler.Name}", ActivityKind.Server);
        activity?.SetTag("faas.name", handler.Name);
        try
        {
            return new InvocationOutcome(StatusCodes.Status200OK, await handler.InvokeAsync(request, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogFailed(logger, handler.Name, e);
            return new InvocationOutcome(StatusCodes.Status500InternalServerError, InvocationResult.Of($"{handler.Name} failed: {e.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}

/// <summary>The HTTP status to answer the host with, and the body.</summary>
internal sealed record InvocationOutcome(int StatusCode, InvocationResult Result)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
