using OkrSync.Pipeline.Sync;
using Polly;
using Polly.Retry;

namespace OkrSync.Trackers.Http;

public static class TrackerHttpClientBuilderExtensions
{
    /// <summary>
    /// The tracker pipeline, outermost first: retry (<see cref="TrackerRetryPolicy"/>, on the registered TimeProvider,
    /// each retry announced on the request's <see cref="ApiUsage"/>), then <see cref="ConnectionFailureHandler"/> (each
    /// attempt bounded by <paramref name="requestTimeout"/>), then <see cref="ResponseIntegrityHandler"/>, then
    /// <see cref="ApiMeteringHandler"/> next to the wire. There is no overall timeout: a run that waits out a rate limit
    /// waits as long as the tracker asks.
    /// </summary>
    public static IHttpClientBuilder AddTrackerPipeline(this IHttpClientBuilder builder, TrackerRetryPolicy policy, Func<IServiceProvider, TimeSpan> requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(requestTimeout);
        builder.AddResilienceHandler($"{policy.Tracker}-retry", (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.TimeProvider = time;
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                ShouldHandle = args => policy.ShouldRetryAsync(args.Outcome, args.AttemptNumber, args.Context.CancellationToken),
                DelayGenerator = async args => await policy.DelayAsync(args.Outcome, args.AttemptNumber, time.GetUtcNow(), args.Context.CancellationToken),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    if (request is not null && request.Options.TryGetValue(ApiUsage.OptionKey, out var usage))
                    {
                        usage.RecordRetry(new TrackerRetry(args.AttemptNumber + 1, args.RetryDelay, TrackerRetryPolicy.Reason(args.Outcome, request)));
                    }
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        });
        builder.AddHttpMessageHandler(services => new ConnectionFailureHandler(requestTimeout(services)));
        builder.AddHttpMessageHandler(() => new ResponseIntegrityHandler());
        builder.AddHttpMessageHandler(() => new ApiMeteringHandler());
        return builder;
    }
}
