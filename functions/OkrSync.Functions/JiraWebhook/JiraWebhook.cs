using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers.Jira;
using OkrSync.Web.Webhooks;

namespace OkrSync.Functions.JiraWebhook;

/// <summary><c>POST /api/webhooks/jira</c>, anonymous: the HMAC signature is the authentication.</summary>
public sealed class JiraWebhook(WebhookIntake intake, WebhookTrust trust, IOptions<JiraOptions> options, TimeProvider clock)
{
    [Function(nameof(JiraWebhook))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/jira")] HttpRequest request, CancellationToken cancellationToken)
        => JiraWebhookEndpoint.HandleAsync(request, intake, trust, options, clock, cancellationToken);
}
