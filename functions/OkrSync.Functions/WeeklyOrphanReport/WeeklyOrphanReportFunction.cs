using OkrSync.Functions.Mail;

namespace OkrSync.Functions.WeeklyOrphanReport;

/// <summary>
/// The <c>WeeklyOrphanReport</c> timer function (schedule <c>%OKRSYNC_REPORT_SCHEDULE%</c>, default <c>0 0 7 * * Mon</c>):
/// sends this ISO week's digests once per recipient. The Functions host POSTs the timer invocation to <c>/WeeklyOrphanReport</c>;
/// any failed recipient makes the response a 500, so the host's retry policy (function.json) runs it again, and the
/// retry sends only what is not sent yet.
/// </summary>
public static partial class WeeklyOrphanReportFunction
{
    public const string Name = "WeeklyOrphanReport";

    public static IEndpointRouteBuilder MapWeeklyOrphanReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"/{Name}", HandleAsync);
        return endpoints;
    }

    public static async Task<IResult> HandleAsync(WeeklyReportSender sender, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(Name);
        WeeklyReportResult result;
        try
        {
            result = await sender.SendAsync(cancellationToken: cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            LogNotRun(logger, e.Message);
            return Respond([e.Message], StatusCodes.Status500InternalServerError);
        }
        var summary = result.Describe();
        if (result.Succeeded)
        {
            LogDone(logger, summary);
            return Respond([summary], StatusCodes.Status200OK);
        }
        LogFailures(logger, summary);
        return Respond([summary], StatusCodes.Status500InternalServerError);
    }

    /// <summary>The custom handler response payload: no output bindings, the run's summary as logs.</summary>
    private static IResult Respond(string[] logs, int status) =>
        Results.Json(new Dictionary<string, object?> { ["Outputs"] = new Dictionary<string, object?>(), ["Logs"] = logs, ["ReturnValue"] = null }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly orphan report: {Summary}")]
    private static partial void LogDone(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly orphan report failed for some recipients; the host will retry: {Summary}")]
    private static partial void LogFailures(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly orphan report not run: {Reason}")]
    private static partial void LogNotRun(ILogger logger, string reason);
}
