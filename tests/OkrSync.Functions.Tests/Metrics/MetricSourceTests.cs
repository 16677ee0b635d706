using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Metrics;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers.Metrics;

namespace OkrSync.Functions.Tests.Metrics;

/// <summary>Metric sources against a real local HTTP server and real files: what a pull records, and what a failure keeps.</summary>
public sealed class MetricSourceTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory folder = new();
    private readonly InMemoryWorkStore store = new();
    private MetricServer server = null!;

    public async Task InitializeAsync() => server = await MetricServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => folder.Dispose();

    private StrategyDocument Strategy(params (string Id, string Source)[] metrics)
    {
        var keyResults = string.Join("\n", metrics.Select(m => $$"""
                  - id: {{m.Id}}
                    title: KR {{m.Id}}
                    metric: { baseline: 0, target: 100, current: 5, source: {{m.Source}} }
            """));
        var yaml = $"""
            name: Sources
            bets:
              - id: grow
                title: Grow
                key-results:
            {keyResults}
            """;
        var loaded = StrategyLoader.Load(yaml, "strategy.yaml");
        return loaded.Strategy ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }

    /// <summary>A puller; <paramref name="timeout"/> is the client's (short only where the server never answers: the machine may be slow).</summary>
    private MetricSourcePuller Puller(IDictionary<string, string?>? settings = null, TimeSpan? timeout = null, DateTimeOffset? at = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var options = new MetricSourceOptions { RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) };
        var reader = new MetricSourceReader(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, configuration, new AppFolder(folder.Path));
        return new MetricSourcePuller(reader, store, store, new InstantTimeProvider(at ?? Now), NullLogger<MetricSourcePuller>.Instance);
    }

    private async Task<Report> ReportAsync(StrategyDocument strategy)
    {
        var checkIns = new List<CheckIn>();
        await foreach (var checkIn in store.ReadAllCheckInsAsync())
        {
            checkIns.Add(checkIn);
        }
        return ReportBuilder.Build(new StrategyIndex(strategy), [], Now, null, checkIns);
    }

    [Fact]
    public async Task HttpSources_ANumberIsRecorded_FailuresKeepTheOldValueAndNameTheReason()
    {
        var strategy = Strategy(
            ("number", $"{{ http: \"{server.Url("number")}\", pointer: /data/value }}"),
            ("missing", $"{{ http: \"{server.Url("missing")}\", pointer: /data/value }}"),
            ("error", $"{{ http: \"{server.Url("error")}\", pointer: /data/value }}"),
            ("never", $"{{ http: \"{server.Url("never")}\", pointer: /data/value }}"),
            ("text", $"{{ http: \"{server.Url("text")}\", pointer: /data/value }}"));
        var neverAnswers = Strategy(("never", $"{{ http: \"{server.Url("never")}\", pointer: /data/value }}"));
        var answers = Strategy([.. new[] { "number", "missing", "error", "text" }.Select(id => (id, $"{{ http: \"{server.Url(id)}\", pointer: /data/value }}"))]);
        foreach (var id in new[] { "number", "missing", "error", "never", "text" })
        {
            await store.AppendCheckInAsync(new CheckIn(id, 30, Now.AddDays(-3)));
        }

        await Puller().PullAsync(answers);
        await Puller(timeout: TimeSpan.FromMilliseconds(300)).PullAsync(neverAnswers);

        var report = await ReportAsync(strategy);
        var current = report.ToDocument().KeyResults.ToDictionary(k => k.Id, k => (k.Outcome.Current, k.Outcome.Source));
        Assert.Equal((41.5, $"http {server.Url("number")}#/data/value"), current["number"]);
        Assert.All(new[] { "missing", "error", "never", "text" }, id => Assert.Equal((30.0, "check-in"), current[id]));
        var failures = (await StatusFindings.ReadAsync(store)).ToDictionary(f => f.Subject, f => f);
        Assert.Equal(["error", "missing", "never", "text"], failures.Keys.Order(StringComparer.Ordinal));
        Assert.All(failures.Values, f => Assert.Equal(FindingKinds.MetricSourceFailed, f.Kind));
        Assert.Contains("nothing at pointer /data/value (/data/value is missing)", failures["missing"].Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", failures["error"].Message, StringComparison.Ordinal);
        Assert.Contains("no response within 0.3 s", failures["never"].Message, StringComparison.Ordinal);
        Assert.Contains("is not a number: \"n/a\"", failures["text"].Message, StringComparison.Ordinal);
        Assert.Contains(server.Url("error").ToString(), failures["error"].Message, StringComparison.Ordinal);
        Assert.Contains("keeps its last value", failures["error"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedSource_ThatRecovers_ClearsItsFinding()
    {
        var failing = Strategy(("nps", $"{{ http: \"{server.Url("error")}\", pointer: /data/value }}"));
        var fixedUp = Strategy(("nps", $"{{ http: \"{server.Url("number")}\", pointer: /data/value }}"));

        await Puller().PullAsync(failing);
        var during = await StatusFindings.ReadAsync(store);
        await Puller().PullAsync(fixedUp);

        Assert.Single(during);
        Assert.Empty(await StatusFindings.ReadAsync(store));
    }

    [Fact]
    public async Task UnchangedValueAtTheSameInstant_IsRecordedOnce()
    {
        var strategy = Strategy(("nps", $"{{ http: \"{server.Url("number")}\", pointer: /data/value }}"));

        await Puller().PullAsync(strategy);
        await Puller().PullAsync(strategy);

        var all = new List<CheckIn>();
        await foreach (var checkIn in store.ReadCheckInsAsync("nps"))
        {
            all.Add(checkIn);
        }
        Assert.Single(all);
    }

    [Fact]
    public async Task UnchangedValue_IsRecordedAgainOnlyOnceADayOld()
    {
        var strategy = Strategy(("nps", $"{{ http: \"{server.Url("number")}\", pointer: /data/value }}"));

        await Puller(at: Now).PullAsync(strategy);
        await Puller(at: Now.AddMinutes(15)).PullAsync(strategy);
        await Puller(at: Now.AddHours(23)).PullAsync(strategy);
        await Puller(at: Now.AddDays(1)).PullAsync(strategy);

        var all = new List<CheckIn>();
        await foreach (var checkIn in store.ReadCheckInsAsync("nps"))
        {
            all.Add(checkIn);
        }
        Assert.Equal([Now, Now.AddDays(1)], all.Select(c => c.At));
    }

    [Fact]
    public async Task SecretHeader_ComesFromTheNamedSetting_AndAMissingSettingSendsNothing()
    {
        var strategy = Strategy(("nps", $"{{ http: \"{server.Url("secured")}\", pointer: /series/1/y, header: X-Api-Key, header-secret: Metrics:NpsKey }}"));

        await Puller().PullAsync(strategy);
        var missing = Assert.Single(await StatusFindings.ReadAsync(store));
        var sentWithout = server.Hits("/secured");
        await Puller(new Dictionary<string, string?> { ["Metrics:NpsKey"] = MetricServer.Secret }).PullAsync(strategy);

        Assert.Contains("the setting Metrics:NpsKey (header-secret) is not set, so nothing was sent", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0, sentWithout);
        Assert.Empty(await StatusFindings.ReadAsync(store));
        Assert.Equal(7.25, (await ReportAsync(strategy)).ToDocument().KeyResults.Single().Outcome.Current);
    }

    [Fact]
    public async Task CsvSource_TakesTheColumnOfTheLastRow()
    {
        folder.File("nps.csv", "week,nps,responses\n2026-W46,38,120\n2026-W47,\"41.5\",133\n2026-W48,44,140\n\n");
        var strategy = Strategy(("nps", "{ file: nps.csv, column: NPS }"));

        await Puller().PullAsync(strategy);

        var outcome = (await ReportAsync(strategy)).ToDocument().KeyResults.Single().Outcome;
        Assert.Equal((44.0, "file nps.csv[NPS]", (DateTimeOffset?)Now), (outcome.Current, outcome.Source, outcome.MeasuredAt));
    }

    [Theory]
    [InlineData("week,nps\n2026-W48,n/a\n", "the last row's 'nps' is not a number: 'n/a' (row 2)")]
    [InlineData("week,score\n2026-W48,40\n", "the CSV has no column 'nps' (its columns: week, score)")]
    [InlineData("week,nps\n", "the CSV has a header but no rows")]
    public async Task BadCsv_FailsNamingWhy(string content, string reason)
    {
        folder.File("nps.csv", content);
        var strategy = Strategy(("nps", "{ file: nps.csv, column: nps }"));

        await Puller().PullAsync(strategy);

        Assert.Contains(reason, Assert.Single(await StatusFindings.ReadAsync(store)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFileSource_TakesTheNumberAtThePointer_AndAMissingFileIsAFailure()
    {
        folder.File("metrics.json", """{"weekly":{"activation":31.2}}""");
        var strategy = Strategy(("activation", "{ file: metrics.json, pointer: /weekly/activation }"), ("gone", "{ file: gone.json, pointer: /v }"));

        await Puller().PullAsync(strategy);

        Assert.Equal(31.2, (await ReportAsync(strategy)).ToDocument().KeyResults.First().Outcome.Current);
        Assert.Contains("gone.json not found", Assert.Single(await StatusFindings.ReadAsync(store)).Message, StringComparison.Ordinal);
    }
}
