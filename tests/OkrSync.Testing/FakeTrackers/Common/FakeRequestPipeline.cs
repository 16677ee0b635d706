using System.Text;
using Microsoft.Net.Http.Headers;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>Runs one request: count it, maybe inject a fault, authenticate, handle, decorate, write (or truncate).</summary>
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
        var status = await RespondAsync(context, endpoint, handler, fault, options);
        var conditional = context.Request.Headers.ContainsKey(HeaderNames.IfNoneMatch);
        var pathAndQuery = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        metrics.OnResponse(new RecordedRequest(endpoint, context.Request.Method, pathAndQuery, status, fault, conditional, body));
    }

    private async Task<int> RespondAsync(
        HttpContext context, string endpoint, Func<HttpContext, FakeResponse> handler, FaultKind? fault, FaultOptions options)
    {
        switch (fault)
        {
            case FaultKind.ConnectionReset:
                context.Abort();
                return 0;
            case FaultKind.SlowResponse when options.SlowResponseDelay > TimeSpan.Zero:
                await Task.Delay(options.SlowResponseDelay, time, context.RequestAborted);
                break;
            case FaultKind.TooManyRequests or FaultKind.SecondaryRateLimit or FaultKind.InternalServerError
                or FaultKind.BadGateway or FaultKind.ServiceUnavailable:
                var faultResponse = protocol.Fault(fault.Value, options);
                await WriteAsync(context, faultResponse);
                return faultResponse.StatusCode;
        }

        if (protocol.Authenticate(context, endpoint) is { } refused)
        {
            await WriteAsync(context, refused);
            return refused.StatusCode;
        }

        var produced = handler(context);
        try
        {
            var response = protocol.Complete(context, endpoint, produced);
            if (fault is FaultKind.TruncatedJson or FaultKind.TruncatedThenReset)
            {
                return await TruncateAsync(context, response, fault.Value == FaultKind.TruncatedThenReset);
            }

            await WriteAsync(context, response);
            return response.StatusCode;
        }
        finally
        {
            produced.BodyOwner?.Dispose();
        }
    }

    private static async Task<int> TruncateAsync(HttpContext context, FakeResponse response, bool reset)
    {
        if (response.Body.IsEmpty)
        {
            context.Abort();
            return 0;
        }

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
            return 0;
        }

        return response.StatusCode;
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
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
