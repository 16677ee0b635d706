namespace OkrSync.Web.Invocations;

/// <summary>
/// A non-HTTP function (timer or queue trigger): what runs for <c>POST /{FunctionName}</c> from the Functions host,
/// and for the local timers and queue pump of <c>okrsync serve</c>. Throwing fails the invocation (non-2xx), so the
/// host retries a queue message and eventually poisons it.
/// </summary>
internal interface IFunctionHandler
{
    /// <summary>The function's folder name, e.g. <c>ScheduledSync</c>.</summary>
    string Name { get; }

    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken = default);
}
