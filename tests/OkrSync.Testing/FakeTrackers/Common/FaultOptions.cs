namespace OkrSync.Testing.FakeTrackers;

/// <summary>Random fault injection: each response fails with <see cref="Probability"/>, drawn from a Random seeded with <see cref="Seed"/>.</summary>
public sealed record FaultOptions
{
    /// <summary>The failure kinds drawn by default: every kind except <see cref="FaultKind.SlowResponse"/>.</summary>
    public static IReadOnlyList<FaultKind> FailureKinds { get; } =
    [
        FaultKind.TooManyRequests,
        FaultKind.SecondaryRateLimit,
        FaultKind.InternalServerError,
        FaultKind.BadGateway,
        FaultKind.ServiceUnavailable,
        FaultKind.ConnectionReset,
        FaultKind.TruncatedJson,
        FaultKind.TruncatedThenReset,
    ];

    // Declared after FailureKinds on purpose: static initialisers run in order, and None copies FailureKinds.
    /// <summary>No random faults.</summary>
    public static FaultOptions None { get; } = new();

    /// <summary>Chance (0..1) that a response is replaced by a fault.</summary>
    public double Probability { get; init; }

    /// <summary>Seed of the fault Random.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Kinds drawn uniformly when a fault fires.</summary>
    public IReadOnlyList<FaultKind> Kinds { get; init; } = FailureKinds;

    /// <summary>Value of <c>Retry-After</c> on rate-limit faults (zero keeps tests fast).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Delay of <see cref="FaultKind.SlowResponse"/>, waited on the server's TimeProvider.</summary>
    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Endpoint names (see GitHubEndpoint / JiraEndpoint) faults apply to; null means every endpoint.</summary>
    public IReadOnlySet<string>? Endpoints { get; init; }
}
