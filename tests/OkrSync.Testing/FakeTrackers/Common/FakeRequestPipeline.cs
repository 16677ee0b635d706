using System.Text;
using Microsoft.Net.Http.Headers;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>Runs one request: count it, maybe inject a fault, authenticate, handle, decorate, write (or truncate).</summary>
/// <remarks>
/// The response is recorded in the metrics before its first byte is written, so a client that has read a response
/// always finds it counted: a test never races the server's bookkeeping.
/// </remarks>
internal sealed class FakeRequestPipeline(IFakeProtocol protocol, FaultInjector faults, FakeTrackerMetrics metrics, TimeProvider time)
{
    private const string BodyItem = "fake.body";

    public static string RequestBody(HttpContext context) => context.Items[BodyItem] as string ?? string.Empty;

    public RequestDelegate Handle(string endpoint, Func<HttpContext, FakeResponse> handler) =>
        context => RunAsync(context, endpoint, handler);

    private async Task RunAsync(HttpContext context, string endpoint, Func<HttpContext, FakeResponse> handler)
    {
        metrics.OnRequest(endpoint);
        var body = await ReadBodyAsync(context);
        context.Items[BodyItem] = body;
        var (fault, options) = faults.Next(endpoint);
        var conditional = context.Request.Headers.ContainsKey(HeaderNames.IfNoneMatch);
        var pathAndQuery = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        void Record(int status) =>
            metrics.OnResponse(new RecordedRequest(endpoint, context.Request.Method, pathAndQuery, status, fault, conditional, body));

        await RespondAsync(context, endpoint, handler, fault, options, Record);
    }

    private async Task RespondAsync(
        HttpContext context,
        string endpoint,
        Func<HttpContext, FakeResponse> handler,
        FaultKind? fault,
        FaultOptions options,
        Action<int> record)
    {
        switch (fault)
        {
            case FaultKind.ConnectionReset:
                record(0);
                context.Abort();
                return;
            case FaultKind.SlowResponse when options.SlowResponseDelay > TimeSpan.Zero:
                await Task.Delay(options.SlowResponseDelay, time, context.RequestAborted);
                break;
            case FaultKind.TooManyRequests or FaultKind.SecondaryRateLimit or FaultKind.InternalServerError
                or FaultKind.BadGateway or FaultKind.ServiceUnavailable:
                await WriteAsync(context, protocol.Fault(fault.Value, options), record);
                return;
        }

        if (protocol.Authenticate(context, endpoint) is { } refused)
        {
            await WriteAsync(context, refused, record);
            return;
        }

        var produced = handler(context);
        try
        {
            var response = protocol.Complete(context, endpoint, produced);
            if (fault is FaultKind.TruncatedJson or FaultKind.TruncatedThenReset)
            {
                await TruncateAsync(context, response, fault.Value == FaultKind.TruncatedThenReset, record);
                return;
            }

            await WriteAsync(context, response, record);
        }
        finally
        {
            produced.BodyOwner?.Dispose();
        }
    }

    private static async Task TruncateAsync(HttpContext context, FakeResponse response, bool reset, Action<int> record)
    {
        if (response.Body.IsEmpty)
        {
            record(0);
            context.Abort();
            return;
        }

        record(reset ? 0 : response.StatusCode);
        WriteHead(context, response);
        if (reset)
        {
            context.Response.ContentLength = response.Body.Length;
        }

        await context.Response.Body.WriteAsync(response.Body[..(response.Body.Length / 2)], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (reset)
        {
            context.Abort();
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response, Action<int> record)
    {
        record(response.StatusCode);
        WriteHead(context, response);
        if (response.StatusCode is StatusCodes.Status304NotModified or StatusCodes.Status204NoContent)
        {
            return;
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static void WriteHead(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
