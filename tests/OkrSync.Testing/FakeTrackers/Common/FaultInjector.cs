namespace OkrSync.Testing.FakeTrackers;

/// <summary>Decides, per request, whether a fault replaces the response: first scheduled faults, then random ones.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ScheduledFault> _scheduled = [];
    private FaultOptions _options;
    private Random _random;

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public FaultOptions Options
    {
        get
        {
            lock (_gate)
            {
                return _options;
            }
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _options = value;
                _random = new Random(value.Seed);
            }
        }
    }

    public void Schedule(FaultKind kind, string? endpoint, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scheduled.Add(new ScheduledFault(kind, endpoint));
            }
        }
    }

    public (FaultKind? Kind, FaultOptions Options) Next(string endpoint)
    {
        lock (_gate)
        {
            var index = _scheduled.FindIndex(f => f.Endpoint is null || f.Endpoint == endpoint);
            if (index >= 0)
            {
                var scheduled = _scheduled[index];
                _scheduled.RemoveAt(index);
                return (scheduled.Kind, _options);
            }

            if (_options.Probability <= 0 || _options.Kinds.Count == 0
                || (_options.Endpoints is not null && !_options.Endpoints.Contains(endpoint)))
            {
                return (null, _options);
            }

            if (_random.NextDouble() >= _options.Probability)
            {
                return (null, _options);
            }

            return (_options.Kinds[_random.Next(_options.Kinds.Count)], _options);
        }
    }

    private sealed record ScheduledFault(FaultKind Kind, string? Endpoint);
}
