using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OkrSync.Benchmarks.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Storage.Sqlite;
using OkrSync.Testing.Emulators;

namespace OkrSync.Benchmarks.Webhooks;

/// <summary>
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- webhooks [--items 100000] [--count 500] [--burst 16]</c>:
/// preloads the SQLite store with synthetic items, starts the built <c>okrsync serve</c> as its own process, then
/// posts signed <c>issues.opened</c> webhooks over loopback. Sequential phase: each webhook's 202 latency, and the time
/// until <c>/api/rollup</c> counts the new item (event to rollup visible). Burst phase: the same with N in flight.
/// </summary>
internal static class WebhookMeasurement
{
    internal const string Secret = "benchmark-secret";

    /// <summary>Serve's admin key (<c>OkrSync:Api:AdminKey</c>): running a function now (<c>/ScheduledSync</c>) needs it.</summary>
    internal const string AdminKey = "benchmark-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var items = Option(args, "--items", 100_000);
        var count = Option(args, "--count", 500);
        var burst = Option(args, "--burst", 16);
        var folder = Directory.CreateTempSubdirectory("okrsync-webhooks-").FullName;
        try
        {
            var store = Path.Combine(folder, "okrsync.db");
            await File.WriteAllTextAsync(Path.Combine(folder, "strategy.yaml"), SyntheticWork.StrategyYaml());
            await PreloadAsync(store, items);
            var port = FreePorts.Take(1)[0];
            using var serve = Start(folder, new Dictionary<string, string> { ["OkrSync__Store"] = $"sqlite:{store}" }, port, args.Contains("--verbose"));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(client, serve);
            var started = Stopwatch.GetTimestamp();
            (await RunScheduledSyncAsync(client)).EnsureSuccessStatusCode();
            Console.WriteLine($"store: {items} items; first report computed in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");

            var accepted = new List<double>();
            var visible = new List<double>();
            var total = await TotalAsync(client);
            for (var i = 0; i < count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                (await PostAsync(client, 1_000_000 + i)).EnsureSuccessStatusCode();
                accepted.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                total++;
                while (await TotalAsync(client) < total)
                {
                    await Task.Delay(2);
                }
                visible.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            Print($"sequential, {count} webhooks", accepted, visible);

            var burstAccepted = new List<double>();
            var burstStart = Stopwatch.GetTimestamp();
            using var gate = new SemaphoreSlim(burst);
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    (await PostAsync(client, 2_000_000 + i)).EnsureSuccessStatusCode();
                    lock (burstAccepted)
                    {
                        burstAccepted.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            var allAccepted = Stopwatch.GetElapsedTime(burstStart).TotalMilliseconds;
            total += count;
            while (await TotalAsync(client) < total)
            {
                await Task.Delay(5);
            }
            var allVisible = Stopwatch.GetElapsedTime(burstStart).TotalMilliseconds;
            Print($"burst, {count} webhooks, {burst} in flight", burstAccepted, null);
            Console.WriteLine($"  all accepted after {allAccepted:0} ms; all visible in /api/rollup after {allVisible:0} ms");
            serve.Kill(entireProcessTree: true);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task PreloadAsync(string path, int count)
    {
        using var store = new SqliteWorkStore(new SqliteStoreOptions { Path = path });
        foreach (var batch in SyntheticWork.Items(count, DateTimeOffset.UtcNow).Chunk(2000))
        {
            await store.UpsertAsync(batch);
        }
    }

    /// <summary>The built <c>okrsync</c> executable (Release): <c>dotnet build -c Release functions/OkrSync.Cli</c>, or the benchmarks' Release build.</summary>
    internal static string Executable => Path.Combine(RepositoryRoot.Find(), "functions", "OkrSync.Cli", "bin", "Release", "net10.0", "okrsync");

    /// <summary>Starts the built <c>okrsync serve</c> in <paramref name="folder"/> with the given settings (environment variables) and the webhook secret.</summary>
    internal static Process Start(string folder, IReadOnlyDictionary<string, string> settings, int port, bool verbose)
    {
        var executable = Executable;
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        start.Environment["OkrSync__GitHub__WebhookSecret"] = Secret;
        start.Environment["OkrSync__Api__AdminKey"] = AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (verbose)
        {
            start.Environment["Logging__LogLevel__OkrSync.Pipeline.LiveReport"] = "Debug";
        }
        foreach (var (key, value) in Suite.WorkerProcess.ServeProfilingEnvironment())
        {
            start.Environment[key] = value; // e.g. OKRSYNC_BENCH_SERVE_Logging__LogLevel__OkrSync.Web.Hosting.RequestLog=Debug: each webhook's time inside serve
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        process.OutputDataReceived += (_, e) => { if (verbose && e.Data is not null) { Console.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitReadyAsync(HttpClient client, Process serve)
    {
        for (var attempt = 0; attempt < 600 && !serve.HasExited; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("okrsync serve did not start (build it first: dotnet build -c Release functions/OkrSync.Cli)");
    }

    /// <summary><c>POST /ScheduledSync</c> with the admin key: with no trackers configured, load every stored item, align and store the report.</summary>
    internal static Task<HttpResponseMessage> RunScheduledSyncAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/ScheduledSync", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", AdminKey);
        return client.SendAsync(request, cancellationToken);
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, int number)
    {
        var body = Encoding.UTF8.GetBytes(Payload(number));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/github", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(Secret, body));
        return client.SendAsync(request);
    }

    private static string Payload(int number)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $$"""
            { "action": "opened",
              "issue": { "url": "https://api.github.com/repos/bench/web/issues/{{number}}", "repository_url": "https://api.github.com/repos/bench/web",
                         "html_url": "https://github.com/bench/web/issues/{{number}}", "id": {{number}}, "number": {{number}}, "title": "Webhook {{number}}",
                         "user": { "login": "octocat", "id": 1 }, "labels": [{ "id": 1, "name": "label-0-0-0", "color": "ededed", "default": false }],
                         "state": "open", "locked": false, "assignee": null, "assignees": [], "milestone": null, "comments": 0,
                         "created_at": "{{now}}", "updated_at": "{{now}}", "closed_at": null, "author_association": "MEMBER", "body": "Opened by the benchmark." },
              "repository": { "id": 1, "name": "web", "full_name": "bench/web", "private": false, "owner": { "login": "bench", "id": 2 } },
              "sender": { "login": "octocat", "id": 1 } }
            """;
    }

    /// <summary>Whether <c>/api/items/{key}</c> answers the issue of event <paramref name="number"/> (bench/web#number): 200 once the queue consumer stored the item (aligned on read), which is what the issue's own measurement read; the stored report may follow up to one write interval later.</summary>
    internal static async Task<bool> ItemStoredAsync(HttpClient client, int number)
    {
        using var response = await client.GetAsync(new Uri($"/api/items/bench%2Fweb%23{number}", UriKind.Relative));
        return response.IsSuccessStatusCode;
    }

    internal static async Task<int> TotalAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/rollup", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }
        var rollup = await response.Content.ReadFromJsonAsync<JsonElement>();
        return rollup.GetProperty("summary").GetProperty("total").GetInt32();
    }

    private static void Print(string title, List<double> accepted, List<double>? visible)
    {
        Console.WriteLine(title);
        Console.WriteLine($"  202 latency:             p50 {Percentile(accepted, 0.50):0.0} ms, p99 {Percentile(accepted, 0.99):0.0} ms, max {accepted.Max():0.0} ms");
        if (visible is not null)
        {
            Console.WriteLine($"  event to rollup visible: p50 {Percentile(visible, 0.50):0.0} ms, p99 {Percentile(visible, 0.99):0.0} ms, max {visible.Max():0.0} ms");
        }
    }

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
