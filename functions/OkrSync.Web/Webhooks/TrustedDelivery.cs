using System.Text.Json;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// The first steps every webhook takes, in order: the body within <see cref="WebhookBody.MaxBytes"/> (413), a trusted
/// signature (401), JSON (400). Either <see cref="Rejected"/> is the answer to give, or <see cref="Json"/> is the
/// parsed body, which the caller disposes.
/// </summary>
internal sealed record TrustedDelivery(IResult? Rejected, JsonDocument? Json)
{
    public static async Task<TrustedDelivery> ReadAsync(HttpRequest request, string source, string signatureHeader, WebhookTrust trust, WebhookIntake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(intake);
        var body = await WebhookBody.ReadAsync(request, cancellationToken: cancellationToken);
        if (body is null)
        {
            return Reject(intake.Reject(source, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {WebhookBody.MaxBytes} bytes"));
        }
        var verdict = trust.Verify(source, body, request.Headers[signatureHeader]);
        if (!verdict.IsTrusted)
        {
            return Reject(intake.Reject(source, StatusCodes.Status401Unauthorized, verdict.Reason!));
        }
        try
        {
            return new TrustedDelivery(null, JsonDocument.Parse(body));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return Reject(intake.Reject(source, StatusCodes.Status400BadRequest, $"malformed JSON: {e.Message}"));
        }
    }

    private static TrustedDelivery Reject(IResult answer) => new(answer, null);
}
