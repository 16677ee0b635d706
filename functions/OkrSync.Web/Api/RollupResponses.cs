using System.Globalization;
using Microsoft.Net.Http.Headers;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Api;

/// <summary>
/// <c>/api/rollup</c> answers: the report's JSON streamed to the response (at 100,000 items it is some 15 MB, which
/// is never held whole), with a strong ETag, and <c>304 Not Modified</c> to a dashboard that sends the ETag it already
/// has in <c>If-None-Match</c>. The ETag names the stored report without rendering it: a report is stored (and its
/// as-of instant moves) only when something in it changed, so its as-of instant and list sizes identify its bytes.
/// </summary>
public sealed class RollupResponses
{
    public IResult For(ReportDocument report, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var etag = ETagOf(report);
        request.HttpContext.Response.Headers.ETag = etag;
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Matches(request, etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Json(report, ReportJsonContext.Readable.ReportDocument, "application/json");
    }

    /// <summary>The stored report's identity: its as-of instant (to the tick) and its list sizes.</summary>
    public static string ETagOf(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"\"{report.AsOf.UtcTicks:x}-{report.WorkItems.Count:x}-{report.Findings.Count:x}\"");
    }

    private static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0 &&
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) &&
        tags.Any(tag => tag.Tag.Equals(etag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any));
}
