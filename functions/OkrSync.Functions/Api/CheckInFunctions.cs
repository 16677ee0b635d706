using Microsoft.AspNetCore.Http;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Web.Api;

namespace OkrSync.Functions.Api;

/// <summary>Check-ins: POST records one (state-changing, behind a function key), GET lists a metric's, at the same paths as <c>okrsync serve</c>.</summary>
public sealed class CheckInFunctions(ICheckInLog log, StrategyProvider strategy, LiveReport live, TimeProvider clock)
{
    [Function("ApiCheckInPost")]
    public Task<IResult> PostAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "check-ins")] HttpRequest request, CancellationToken cancellationToken)
        => CheckInApi.PostAsync(request, log, strategy, live, clock, cancellationToken);

    [Function("ApiCheckIns")]
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "check-ins")] HttpRequest request, CancellationToken cancellationToken)
        => CheckInApi.ListAsync(request, log, strategy, cancellationToken);
}
