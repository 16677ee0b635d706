using System.Text.Json;
using OkrSync.Pipeline;
using OkrSync.Pipeline.StrategySources;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// A signed GitHub <c>push</c> that changes the strategy file (<c>OkrSync:StrategySource</c> = <c>github:…</c>; same
/// repository, same ref, the file among the commits' added, modified or removed paths): rereads the strategy and
/// recomputes the live report at once, so a merged change is live within seconds. A rejected version leaves the last
/// good one in use and a <c>strategy-invalid</c> finding in the report. Any other push is not this handler's.
/// </summary>
public sealed partial class StrategyPushHandler(StrategyProvider strategy, LiveReport live, ILogger<StrategyPushHandler> logger)
{
    /// <summary>The answer to a push that touches the strategy file, or null when it does not.</summary>
    public async Task<IResult?> TryHandleAsync(string eventName, JsonElement payload, string? deliveryId, CancellationToken cancellationToken = default)
    {
        if (eventName != "push" || strategy.Git is not { } git || !StrategyPush.Touches(git, payload))
        {
            return null;
        }
        var refresh = await strategy.RefreshAsync(cancellationToken);
        var line = refresh.Line ?? "";
        try
        {
            await live.ReloadAsync(cancellationToken);
        }
        catch (StrategyUnavailableException e)
        {
            line = $"{line}; no report: {e.Message}";
        }
        LogPush(logger, deliveryId ?? "", line);
        return Results.Json(new WebhookStatus(refresh.Changed ? "strategy-reloaded" : "strategy-checked", line, deliveryId), statusCode: StatusCodes.Status200OK);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GitHub push {DeliveryId} touches the strategy file: {Line}")]
    private static partial void LogPush(ILogger logger, string deliveryId, string line);
}
