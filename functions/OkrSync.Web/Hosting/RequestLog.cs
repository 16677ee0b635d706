using System.Diagnostics;

namespace OkrSync.Web.Hosting;

/// <summary>
/// One log line per request at most: method, path (never the query string, where a key may be), status and time.
/// Reads (GET, HEAD) log at Debug, so the default level shows only what changes state; a request whose handler logged
/// its own line (a webhook's outcome, see <see cref="RequestLogLine"/>) logs this one at Debug too.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var line = RequestLogLine.Begin();
        await next(context);
        var request = context.Request;
        var level = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || line.Written ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            Log(logger, level, request.Method, request.PathBase + request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Log(ILogger logger, LogLevel level, string method, string path, int status, double elapsedMs);
}
