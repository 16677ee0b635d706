using System.Collections.Concurrent;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>Thread-safe request counters of one fake tracker, per endpoint and status code, plus a request log.</summary>
public sealed class FakeTrackerMetrics
{
    /// <summary>Oldest entries are dropped past this many recorded requests.</summary>
    public const int MaxRecordedRequests = 200_000;

    private readonly ConcurrentDictionary<(string Endpoint, int Status), long> _responses = new();
    private readonly ConcurrentDictionary<string, long> _requests = new();
    private readonly ConcurrentDictionary<string, long> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _log = new();

    /// <summary>Every request received, answered or not.</summary>
    public long TotalRequests => _requests.Values.Sum();

    /// <summary>Responses with status 304 on every endpoint.</summary>
    public long NotModified => ResponsesWithStatus(304);

    /// <summary>Responses with status 429 on every endpoint.</summary>
    public long TooManyRequests => ResponsesWithStatus(429);

    /// <summary>Injected faults on every endpoint.</summary>
    public long FaultsInjected => _faults.Values.Sum();

    /// <summary>Requests, in arrival order of completion.</summary>
    public IReadOnlyList<RecordedRequest> RecordedRequests => [.. _log];

    /// <summary>Requests received by an endpoint (including faulted and failed ones).</summary>
    public long Requests(string endpoint) => _requests.GetValueOrDefault(endpoint);

    /// <summary>Responses of an endpoint with a status code (0 = connection reset).</summary>
    public long Responses(string endpoint, int statusCode) => _responses.GetValueOrDefault((endpoint, statusCode));

    /// <summary>Responses of every endpoint with a status code.</summary>
    public long ResponsesWithStatus(int statusCode) =>
        _responses.Where(pair => pair.Key.Status == statusCode).Sum(pair => pair.Value);

    /// <summary>Faults injected on an endpoint.</summary>
    public long Faults(string endpoint) => _faults.GetValueOrDefault(endpoint);

    /// <summary>Zeroes every counter and clears the log.</summary>
    public void Reset()
    {
        _responses.Clear();
        _requests.Clear();
        _faults.Clear();
        _log.Clear();
    }

    internal void OnRequest(string endpoint) => _requests.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    internal void OnResponse(RecordedRequest request)
    {
        _responses.AddOrUpdate((request.Endpoint, request.StatusCode), 1, (_, n) => n + 1);
        if (request.Fault is not null)
        {
            _faults.AddOrUpdate(request.Endpoint, 1, (_, n) => n + 1);
        }

        _log.Enqueue(request);
        while (_log.Count > MaxRecordedRequests && _log.TryDequeue(out _))
        {
        }
    }
}
