using System.Net.Http.Headers;
using System.Text;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Functions.Tests.App.Support;

/// <summary>Posts webhooks the way GitHub and Jira do: raw JSON, signed over the exact bytes, with their headers.</summary>
internal static class WebhookClient
{
    public static Task<HttpResponseMessage> PostGitHubAsync(this HttpClient client, string eventName, string body, string? deliveryId = null, string? secret = AppHarness.GitHubSecret, string? signature = null) =>
        client.PostGitHubAsync(eventName, Encoding.UTF8.GetBytes(body), deliveryId, secret, signature);

    public static Task<HttpResponseMessage> PostGitHubAsync(this HttpClient client, string eventName, byte[] bytes, string? deliveryId = null, string? secret = AppHarness.GitHubSecret, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/github", UriKind.Relative)) { Content = Json(bytes) };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-ID", "109948940");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/044aadd");
        if (signature is not null || secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? WebhookSignature.Sign(secret!, bytes));
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJiraAsync(this HttpClient client, string body, string? deliveryId = null, string? secret = AppHarness.JiraSecret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/jira", UriKind.Relative)) { Content = Json(bytes) };
        request.Headers.Add("X-Atlassian-Webhook-Identifier", deliveryId ?? Guid.NewGuid().ToString());
        if (signature is not null || secret is not null)
        {
            request.Headers.Add("X-Hub-Signature", signature ?? WebhookSignature.Sign(secret!, bytes));
        }
        return client.SendAsync(request);
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
