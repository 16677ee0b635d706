using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers.GitHub;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/github</c>: size limit (413), <c>X-Hub-Signature-256</c> (401), JSON (400), <c>ping</c>
/// (200), a <c>push</c> that changes a git strategy file (<see cref="StrategyPushHandler"/>, 200), translation (202 ignored, or 400), then <c>X-GitHub-Delivery</c> dedupe and enqueue (202).
/// </summary>
public static class GitHubWebhookEndpoint
{
    public const string Name = "GitHubWebhook";
    public const string Route = "/api/webhooks/github";
    public const string SecretSetting = "OkrSync:GitHub:WebhookSecret";
    private const string Source = "github";

    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        Api.ApiEndpoints.MapMethodNotAllowed(endpoints, Route, HttpMethods.Post);
        return endpoints;
    }

    public static async Task<IResult> HandleAsync(HttpRequest request, WebhookIntake intake, WebhookTrust trust, IOptions<GitHubOptions> options, TimeProvider clock, StrategyPushHandler strategyPush, CancellationToken cancellationToken)
    {
        var delivery = await TrustedDelivery.ReadAsync(request, Source, "X-Hub-Signature-256", trust, intake, cancellationToken);
        if (delivery.Rejected is { } rejected)
        {
            return rejected;
        }
        using var document = delivery.Json!;
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        var deliveryId = request.Headers["X-GitHub-Delivery"].ToString() is { Length: > 0 } id ? id : null;
        if (eventName.Length == 0)
        {
            return intake.Reject(Source, StatusCodes.Status400BadRequest, "missing X-GitHub-Event header");
        }
        if (eventName == "ping")
        {
            return WebhookResponses.Pong();
        }
        if (await strategyPush.TryHandleAsync(eventName, document.RootElement, deliveryId, cancellationToken) is { } reloaded)
        {
            return reloaded;
        }
        var repositories = options.Value.Repositories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        switch (GitHubEventTranslator.Translate(eventName, document.RootElement, repositories, deliveryId, clock.GetUtcNow()))
        {
            case WebhookTranslation.Ignore ignore:
                return intake.Ignore(Source, eventName, ignore.Reason, deliveryId);
            case WebhookTranslation.Invalid invalid:
                return intake.Reject(Source, StatusCodes.Status400BadRequest, invalid.Reason);
            case WebhookTranslation.Enqueue when deliveryId is null:
                return intake.Reject(Source, StatusCodes.Status400BadRequest, "missing X-GitHub-Delivery header");
            case WebhookTranslation.Enqueue enqueue:
                return await intake.AcceptAsync(Source, deliveryId, enqueue.Message, cancellationToken);
            default:
                throw new InvalidOperationException("unknown translation");
        }
    }
}
