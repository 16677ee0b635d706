using System.Net;
using System.Text.Json;

namespace OkrSync.Trackers.Jira;

/// <summary>The one place that turns a failed Jira response into an error a person can act on.</summary>
internal static class JiraErrors
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var detail = await DetailAsync(response, cancellationToken);
        var status = response.StatusCode;
        var message = status switch
        {
            HttpStatusCode.BadRequest => $"Jira rejected {what}: {detail}",
            HttpStatusCode.Unauthorized => $"Jira refused the credentials for {what}: check OkrSync:Jira:Email/ApiToken (Cloud) or PersonalAccessToken (Data Center)",
            HttpStatusCode.Forbidden => $"Jira denied {what}: the account lacks permission. {detail}",
            HttpStatusCode.NotFound => $"Jira found nothing at {what}: check OkrSync:Jira:BaseUrl and Deployment. {detail}",
            HttpStatusCode.TooManyRequests => $"Jira kept rate-limiting {what} after every retry",
            _ => $"Jira answered {(int)status} to {what} after every retry. {detail}",
        };
        throw new JiraApiException(message.TrimEnd(), status);
    }

    // Jira errors: {"errorMessages":["..."],"errors":{"field":"..."}}
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var messages = root.Array("errorMessages").Select(m => m.GetString() ?? "")
                .Concat(root.Property("errors") is { ValueKind: JsonValueKind.Object } errors ? errors.EnumerateObject().Select(e => $"{e.Name}: {e.Value}") : []);
            return string.Join("; ", messages.Where(m => m.Length > 0));
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
