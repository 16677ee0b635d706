using System.Globalization;
using System.Text;
using OkrSync.Testing.FakeTrackers.Jira.Jql;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>The Jira REST endpoints: Cloud search/jql (token paging), Data Center search (startAt paging), issue, myself, field.</summary>
internal sealed partial class JiraHandlers(JiraStore store, JiraJson json, FakeJiraOptions options, TimeZoneInfo zone)
{
    private const int DefaultMaxResults = 50;

    public FakeResponse SearchJql(HttpContext context)
    {
        if (options.Deployment != JiraDeployment.Cloud || Urls(context) is not { } urls)
        {
            return JiraErrors.NotFound();
        }

        if (JiraSearchRequest.Read(context) is not { } request)
        {
            return JiraErrors.Error(400, "Invalid request payload. Refer to the REST API documentation and try again.");
        }

        var snapshot = store.Snapshot();
        if (!TryRun(request.Jql, snapshot, requireBounded: true, out var results, out var error))
        {
            return error;
        }

        var offset = 0;
        if (request.NextPageToken is { } token && !TryReadToken(token, request.Jql, out offset))
        {
            return JiraErrors.Error(400, "The provided next page token is invalid or expired.");
        }

        var fields = JiraFieldSelection.Parse(request.Fields, defaultAll: false);
        var cap = fields.IsIdOnly ? options.CloudMaxResultsIdsOnly : options.CloudMaxResults;
        var count = Math.Max(0, Math.Min(Math.Clamp(request.MaxResults ?? DefaultMaxResults, 1, cap), results.Length - offset));
        var isLast = offset + count >= results.Length;
        return JsonBody.Pooled(
            200,
            w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issues");
                for (var i = offset; i < offset + count; i++)
                {
                    json.WriteIssue(w, urls, snapshot, results[i], fields);
                }

                w.WriteEndArray();
                if (!isLast)
                {
                    w.WriteString("nextPageToken", Token(offset + count, request.Jql));
                }

                w.WriteBoolean("isLast", isLast);
                w.WriteEndObject();
            },
            Math.Max(1024, count * 2048));
    }

    public FakeResponse Search(HttpContext context)
    {
        if (options.Deployment == JiraDeployment.Cloud)
        {
            return JiraErrors.Error(
                410,
                "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
                + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046");
        }

        if (Urls(context) is not { } urls || JiraSearchRequest.Read(context) is not { } request)
        {
            return Urls(context) is null ? JiraErrors.NotFound() : JiraErrors.Error(400, "Invalid request payload.");
        }

        var snapshot = store.Snapshot();
        if (!TryRun(request.Jql, snapshot, requireBounded: false, out var results, out var error))
        {
            return error;
        }

        var startAt = Math.Max(0, request.StartAt ?? 0);
        var maxResults = Math.Clamp(request.MaxResults ?? DefaultMaxResults, 0, options.DataCenterMaxResults);
        var count = Math.Max(0, Math.Min(maxResults, results.Length - startAt));
        var fields = JiraFieldSelection.Parse(request.Fields, defaultAll: true);
        return JsonBody.Pooled(
            200,
            w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "schema,names");
                w.WriteNumber("startAt", startAt);
                w.WriteNumber("maxResults", maxResults);
                w.WriteNumber("total", results.Length);
                w.WriteStartArray("issues");
                for (var i = startAt; i < startAt + count; i++)
                {
                    json.WriteIssue(w, urls, snapshot, results[i], fields);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            },
            Math.Max(1024, count * 2048));
    }

    private bool TryRun(string jql, JiraSnapshot snapshot, bool requireBounded, out FakeJiraIssue[] results, out FakeResponse error)
    {
        results = [];
        error = JiraErrors.NotFound();
        try
        {
            var query = JqlParser.Parse(jql, zone, store.Now);
            if (requireBounded && query.Clauses.Count == 0)
            {
                error = JiraErrors.Error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
                return false;
            }

            results = query.UsesRelativeDates
                ? JqlEvaluator.Evaluate(query, snapshot)
                : snapshot.Query(jql.Trim(), s => JqlEvaluator.Evaluate(query, s));
            return true;
        }
        catch (JqlException exception)
        {
            error = JiraErrors.Error(400, exception.Message);
            return false;
        }
    }

    private static string Token(int offset, string jql) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{StableHash.Of(jql.Trim()):x16}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryReadToken(string token, string jql, out int offset)
    {
        offset = 0;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split(':');
            return parts.Length == 2
                && parts[1] == StableHash.Of(jql.Trim()).ToString("x16", CultureInfo.InvariantCulture)
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
