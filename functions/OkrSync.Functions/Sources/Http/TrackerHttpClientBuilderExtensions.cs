using Polly;
using Polly.Retry;

namespace OkrSync.Functions.Sources.Http;

public static class TrackerHttpClientBuilderExtensions
{
    /// <summary>
    /// The tracker pipeline, outermost first: retry (<see cref="TrackerRetryPolicy"/>, on the registered TimeProvider),
    /// then <see cref="ResponseIntegrityHandler"/>, then <see cref="ApiMeteringHandler"/> next to the wire.
    /// </summary>
    public static IHttpClientBuilder AddTrackerPipeline(this IHttpClientBuilder builder, TrackerRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        builder.AddResilienceHandler($"{policy.Tracker}-retry", (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.TimeProvider = time;
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                ShouldHandle = args => policy.ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
                DelayGenerator = async args => await policy.DelayAsync(args.Outcome, args.AttemptNumber, time.GetUtcNow(), args.Context.CancellationToken),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        });
        builder.AddHttpMessageHandler(() => new ResponseIntegrityHandler());
        builder.AddHttpMessageHandler(() => new ApiMeteringHandler());
        return builder;
    }
}
