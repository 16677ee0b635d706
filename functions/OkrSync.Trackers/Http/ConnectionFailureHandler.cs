namespace OkrSync.Trackers.Http;

/// <summary>
/// Bounds each attempt of a tracker call by the request timeout (headers and, for JSON, the body that
/// <see cref="ResponseIntegrityHandler"/> reads), and turns a call that got no response into a
/// <see cref="TrackerConnectionException"/> that names the cause and the URL. The timeout runs on the real clock: it
/// measures the network, which no test clock speeds up (the waits between attempts run on the injected TimeProvider).
/// </summary>
public sealed class ConnectionFailureHandler(TimeSpan requestTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(requestTimeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TrackerConnectionException.For(ConnectionFailure.Timeout, request, requestTimeout, e);
        }
        catch (HttpRequestException e) when (e is not TrackerConnectionException && TrackerConnectionException.Classify(e) is { } failure)
        {
            throw TrackerConnectionException.For(failure, request, requestTimeout, e);
        }
    }
}
