using System.Diagnostics;
using Serve = OkrSync.Benchmarks.Webhooks.WebhookMeasurement;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Sends N signed webhooks open-loop at a fixed rate (each at its scheduled time, whether or not earlier ones were
/// answered) and measures each 202's latency. Meanwhile it polls <c>/api/rollup</c> one request at a time: each new
/// event adds one item, so when the rollup's total has grown by k, the k-th event sent counts as visible at that poll
/// (events are applied about in order; a poll's own duration bounds the resolution). The probe asks only about an event
/// already sent: while every sent event is visible it waits for the next send instead of asking about an item that
/// cannot exist yet (which cost serve a store lookup, two point reads on Table Storage, about 90 times a second).
/// Without polling only the 202s are measured.
/// With several instances (one client each), event i goes to instance i mod n, and the polls take the instances in
/// turn; the highest total answered so far counts (every instance answers from the one stored report).
/// </summary>
internal sealed class FixedRateDriver(IReadOnlyList<HttpClient> clients, double ratePerSecond, bool poll = true)
{
    public FixedRateDriver(HttpClient client, double ratePerSecond, bool poll = true)
        : this([client], ratePerSecond, poll)
    {
    }

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Probe visibility through the whole <c>/api/rollup</c> (its total) instead of <c>/api/items/{key}</c> of the oldest event not yet seen.</summary>
    public bool ProbeRollup { get; init; }

    private string Probe => ProbeRollup ? "GET /api/rollup (summary.total)" : "GET /api/items/{key} (the oldest event not yet seen)";

    public async Task<WebhookResult> RunAsync(int events, int firstNumber, int storedItems, CancellationToken cancellationToken = default)
    {
        var baseline = 0;
        foreach (var client in clients)
        {
            baseline = Math.Max(baseline, await Serve.TotalAsync(client));
        }
        var sentAt = new long[events];
        var accepted = new double[events];
        var visibleAt = new long[events];
        var statuses = new int[events];
        using var sending = new CancellationTokenSource();
        using var sent = new SentEvents();
        var poller = poll ? PollAsync(baseline, firstNumber, visibleAt, sent, sending.Token, cancellationToken) : Task.FromResult((0, 0, 0.0));
        var start = Stopwatch.GetTimestamp();
        var sends = new Task[events];
        for (var i = 0; i < events; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / ratePerSecond);
            if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { TotalMilliseconds: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            sends[i] = SendAsync(i, firstNumber + i, sentAt, accepted, statuses, sent);
        }
        await Task.WhenAll(sends);
        await sending.CancelAsync();
        var (visible, polls, pollSeconds) = await poller;

        AppendEventsCsv(events, firstNumber, sentAt, accepted, visibleAt, visible);
        var latencies = Enumerable.Range(0, visible).Select(k => Stopwatch.GetElapsedTime(sentAt[k], visibleAt[k]).TotalMilliseconds).ToList();
        var ok = Enumerable.Range(0, events).Where(i => statuses[i] == 202).Select(i => accepted[i]).ToList();
        return new WebhookResult(events, ratePerSecond, storedItems, ok.Count, events - ok.Count,
            Serve.Percentile(ok, 0.50), Serve.Percentile(ok, 0.99), ok.Max(),
            visible, latencies.Count == 0 ? double.NaN : Serve.Percentile(latencies, 0.50), latencies.Count == 0 ? double.NaN : Serve.Percentile(latencies, 0.99),
            latencies.Count == 0 ? double.NaN : latencies.Max(), poll ? Probe : "not polled", polls, polls == 0 ? double.NaN : 1000 * pollSeconds / polls)
        {
            Instances = clients.Count,
            AcceptedByInstance = clients.Count == 1 ? null : [.. Enumerable.Range(0, clients.Count).Select(c => Enumerable.Range(0, events).Count(i => i % clients.Count == c && statuses[i] == 202))],
        };
    }

    /// <summary>
    /// With <c>OKRSYNC_BENCH_EVENTS=path</c>, appends one line per event: its number, when it was sent (UTC wall clock,
    /// <c>HH:mm:ss.fff</c>), the 202's latency and the visibility latency in ms (-1: not seen). To line slow events up
    /// with a machine-wide profile (<c>perf record -a -k CLOCK_REALTIME</c>).
    /// </summary>
    private static void AppendEventsCsv(int events, int firstNumber, long[] sentAt, double[] accepted, long[] visibleAt, int visible)
    {
        if (Environment.GetEnvironmentVariable("OKRSYNC_BENCH_EVENTS") is not { Length: > 0 } path)
        {
            return;
        }
        var (now, clock) = (DateTime.UtcNow, Stopwatch.GetTimestamp());
        File.AppendAllLines(path, Enumerable.Range(0, events).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{firstNumber + i},{now - Stopwatch.GetElapsedTime(sentAt[i], clock):HH:mm:ss.fff},{accepted[i]:F1},{(i < visible ? Stopwatch.GetElapsedTime(sentAt[i], visibleAt[i]).TotalMilliseconds : -1):F1}")));
    }

    private async Task SendAsync(int index, int number, long[] sentAt, double[] accepted, int[] statuses, SentEvents sent)
    {
        sentAt[index] = Stopwatch.GetTimestamp();
        sent.One();
        using var response = await Serve.PostAsync(clients[index % clients.Count], number);
        accepted[index] = Stopwatch.GetElapsedTime(sentAt[index]).TotalMilliseconds;
        statuses[index] = (int)response.StatusCode;
    }

    /// <summary>Polls until every event is visible, or <see cref="SettleTimeout"/> after the last send; returns how many became visible, the polls and their summed duration.</summary>
    private async Task<(int Visible, int Polls, double Seconds)> PollAsync(int baseline, int firstNumber, long[] visibleAt, SentEvents sent, CancellationToken sendingDone, CancellationToken cancellationToken)
    {
        var (seen, polls, busy) = (0, 0, 0L);
        long? settleDeadline = null;
        while (seen < visibleAt.Length)
        {
            if (sendingDone.IsCancellationRequested)
            {
                settleDeadline ??= Stopwatch.GetTimestamp() + (long)(SettleTimeout.TotalSeconds * Stopwatch.Frequency);
                if (Stopwatch.GetTimestamp() > settleDeadline)
                {
                    break;
                }
            }
            if (!ProbeRollup && seen >= sent.Count)
            {
                await sent.WaitAsync(cancellationToken); // the next event is not sent yet
                continue;
            }
            var asked = Stopwatch.GetTimestamp();
            var client = clients[polls % clients.Count];
            var total = ProbeRollup ? await Serve.TotalAsync(client) - baseline : seen + (await Serve.ItemStoredAsync(client, firstNumber + seen) ? 1 : 0);
            var now = Stopwatch.GetTimestamp();
            (polls, busy) = (polls + 1, busy + now - asked);
            var before = seen;
            for (; seen < Math.Min(visibleAt.Length, total); seen++)
            {
                visibleAt[seen] = now;
            }
            if (ProbeRollup || seen == before)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(ProbeRollup ? 20 : 5), cancellationToken);
            }
        }
        return (seen, polls, (double)busy / Stopwatch.Frequency);
    }

    /// <summary>How many events of a run were sent, and a signal for the probe waiting on the next.</summary>
    private sealed class SentEvents : IDisposable
    {
        private readonly SemaphoreSlim signal = new(0);
        private int count;

        public int Count => Volatile.Read(ref count);

        public void One()
        {
            Interlocked.Increment(ref count);
            signal.Release();
        }

        public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken);

        public void Dispose() => signal.Dispose();
    }
}
