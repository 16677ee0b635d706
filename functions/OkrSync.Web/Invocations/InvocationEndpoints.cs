using System.Text.Json;

namespace OkrSync.Web.Invocations;

/// <summary><c>POST /{FunctionName}</c>: the host's invocation requests for timer and queue functions; <c>GET /</c>: its readiness ping.</summary>
internal static class InvocationEndpoints
{
    /// <summary>Maps the readiness ping and returns the invocation endpoint, for the caller to guard.</summary>
    public static RouteHandlerBuilder MapInvocations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Text("okrsync", "text/plain"));
        return endpoints.MapPost("/{function}", InvokeAsync);
    }

    private static async Task<IResult> InvokeAsync(string function, HttpRequest request, InvocationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (!dispatcher.Handles(function))
        {
            return Respond(new InvocationOutcome(StatusCodes.Status404NotFound, InvocationResult.Of($"no function named '{function}'")));
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        InvocationRequest invocation;
        try
        {
            invocation = InvocationRequest.Parse(body);
        }
        catch (FormatException e)
        {
            return Respond(new InvocationOutcome(StatusCodes.Status400BadRequest, InvocationResult.Of(e.Message)));
        }
        return Respond(await dispatcher.DispatchAsync(function, invocation, cancellationToken));
    }

    private static IResult Respond(InvocationOutcome outcome) =>
        Results.Text(JsonSerializer.Serialize(outcome.Result, InvocationJsonContext.Default.InvocationResult), "application/json", statusCode: outcome.StatusCode);
}
