using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Web.Webhooks;

namespace OkrSync.Functions.JiraWebhook;

/// <summary><c>POST /api/webhooks/jira</c>, anonymous: the HMAC signature is the authentication.</summary>
public sealed class JiraWebhook(WebhookIntake intake, WebhookTrust trust, IConfiguration configuration, TimeProvider clock)
{
    [Function(nameof(JiraWebhook))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/jira")] HttpRequest request, CancellationToken cancellationToken)
        => JiraWebhookEndpoint.HandleAsync(request, intake, trust, configuration, clock, cancellationToken);
}
