using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Api;

/// <summary>
/// <c>/api/rollup</c> answers: the report's JSON with a strong ETag, rendered once per stored report (the store hands
/// back the same instance while the report is unchanged), and <c>304 Not Modified</c> to a dashboard that sends the
/// ETag it already has in <c>If-None-Match</c>.
/// </summary>
public sealed class RollupResponses
{
    private volatile Rendered? last;

    public IResult For(ReportDocument report, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var rendered = Render(report);
        request.HttpContext.Response.Headers.ETag = rendered.ETag;
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Matches(request, rendered.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(rendered.Json, "application/json");
    }

    private Rendered Render(ReportDocument report)
    {
        if (last is { } known && ReferenceEquals(known.Report, report))
        {
            return known;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Readable.ReportDocument);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16)) + "\"";
        var rendered = new Rendered(report, json, etag);
        last = rendered;
        return rendered;
    }

    private static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0 &&
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) &&
        tags.Any(tag => tag.Tag.Equals(etag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any));

    private sealed record Rendered(ReportDocument Report, byte[] Json, string ETag);
}
