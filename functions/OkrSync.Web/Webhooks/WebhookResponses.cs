using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Webhooks;

/// <summary>The webhooks' JSON answers: <c>{"status": ..., "reason": ...}</c> on success, <c>{"error": ...}</c> otherwise.</summary>
internal static class WebhookResponses
{
    public static IResult Accepted(string? deliveryId) => Results.Json(new WebhookStatus("accepted", null, deliveryId), statusCode: StatusCodes.Status202Accepted);

    public static IResult Duplicate(string? deliveryId) => Results.Json(new WebhookStatus("duplicate", "this delivery was already received", deliveryId), statusCode: StatusCodes.Status202Accepted);

    public static IResult Ignored(string reason, string? deliveryId) => Results.Json(new WebhookStatus("ignored", reason, deliveryId), statusCode: StatusCodes.Status202Accepted);

    public static IResult Pong() => Results.Json(new WebhookStatus("pong", null, null), statusCode: StatusCodes.Status200OK);

    public static IResult Error(int status, string error) => Results.Json(new WebhookError(error), statusCode: status);

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {WebhookBody.MaxBytes} bytes");

    public static IResult Unauthorized(SignatureCheck check, string header, string setting) => Error(StatusCodes.Status401Unauthorized, check switch
    {
        SignatureCheck.Missing => $"missing {header} signature",
        SignatureCheck.NoSecretConfigured => $"no webhook secret is configured ({setting}); unsigned deliveries are refused",
        _ => $"the {header} signature does not match the body",
    });
}

internal sealed record WebhookStatus(string Status, string? Reason, string? DeliveryId);

internal sealed record WebhookError(string Error);
