using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers.GitHub;
using OkrSync.Web.Webhooks;

namespace OkrSync.Functions.GitHubWebhook;

/// <summary><c>POST /api/webhooks/github</c>, anonymous: the HMAC signature is the authentication.</summary>
public sealed class GitHubWebhook(WebhookIntake intake, WebhookTrust trust, IOptions<GitHubOptions> options, TimeProvider clock, StrategyPushHandler strategyPush)
{
    [Function(nameof(GitHubWebhook))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/github")] HttpRequest request, CancellationToken cancellationToken)
        => GitHubWebhookEndpoint.HandleAsync(request, intake, trust, options, clock, strategyPush, cancellationToken);
}
