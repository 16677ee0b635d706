using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers.Jira;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/jira</c>: size limit (413), <c>X-Hub-Signature: sha256=...</c> (401; with no secret configured
/// every delivery is refused unless <c>OkrSync:Jira:AllowUnsignedWebhooks=true</c>), JSON (400), translation (202
/// ignored, or 400), then dedupe on <c>X-Atlassian-Webhook-Identifier</c> (when Jira sends one) and enqueue (202).
/// </summary>
public static class JiraWebhookEndpoint
{
    public const string Name = "JiraWebhook";
    public const string Route = "/api/webhooks/jira";
    public const string SecretSetting = "OkrSync:Jira:WebhookSecret";
    private const string Source = "jira";

    public static IEndpointRouteBuilder MapJiraWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        Api.ApiEndpoints.MapMethodNotAllowed(endpoints, Route, HttpMethods.Post);
        return endpoints;
    }

    public static async Task<IResult> HandleAsync(HttpRequest request, WebhookIntake intake, WebhookTrust trust, IOptions<JiraOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var delivery = await TrustedDelivery.ReadAsync(request, Source, "X-Hub-Signature", trust, intake, cancellationToken);
        if (delivery.Rejected is { } rejected)
        {
            return rejected;
        }
        using var document = delivery.Json!;
        var deliveryId = request.Headers["X-Atlassian-Webhook-Identifier"].ToString() is { Length: > 0 } id ? id : null;
        var projects = options.Value.Projects.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var storyPoints = options.Value.StoryPointsField;
        return JiraEventTranslator.Translate(document.RootElement, projects, storyPoints, deliveryId, clock.GetUtcNow()) switch
        {
            WebhookTranslation.Ignore ignore => intake.Ignore(Source, "jira", ignore.Reason, deliveryId),
            WebhookTranslation.Invalid invalid => intake.Reject(Source, StatusCodes.Status400BadRequest, invalid.Reason),
            WebhookTranslation.Enqueue enqueue => await intake.AcceptAsync(Source, deliveryId, enqueue.Message, cancellationToken),
            _ => throw new InvalidOperationException("unknown translation"),
        };
    }
}
