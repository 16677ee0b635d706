using Microsoft.Extensions.Options;
using OkrSync.Pipeline.Metrics;
using OkrSync.Pipeline.StrategySources;
using OkrSync.Testing.Fakes;

namespace OkrSync.Pipeline.Tests.StrategySources;

public sealed class GitStrategyProviderTests
{
    private const string Good = """
        name: Good
        bets:
          - id: b
            title: A bet
            key-results:
              - id: k
                title: A key result
                metric: { unit: "%", baseline: 1, target: 2, current: 1 }
        """;

    [Fact]
    public async Task UnreachableAfterAGoodVersion_KeepsItAndSaysWhyInTheLine()
    {
        var reader = new ScriptedReader(StrategySourceRead.Version(Good, "c1", "\"e1\""), StrategySourceRead.Failed("GitHub could not be reached"));
        var provider = Provider(reader, new InMemoryWorkStore());

        var first = await provider.GetAsync();
        var refresh = await provider.RefreshAsync();

        Assert.Equal("c1", first.Strategy.Commit);
        Assert.False(refresh.Changed);
        Assert.Contains("GitHub could not be reached", refresh.Line, StringComparison.Ordinal);
        Assert.Contains("the last good version stays", refresh.Line, StringComparison.Ordinal);
        Assert.Same(first, await provider.GetAsync());
        Assert.Equal([null, "\"e1\""], reader.ETagsSent);
    }

    [Fact]
    public async Task UnreachableWithNothingCached_IsUnavailableNamingTheSourceAndTheReason()
    {
        var provider = Provider(new ScriptedReader(StrategySourceRead.Failed("GitHub answered 404 for s.yaml at main in acme/s: Not Found")), new InMemoryWorkStore());

        var error = await Assert.ThrowsAsync<StrategyUnavailableException>(() => provider.GetAsync());

        Assert.Equal("the strategy source github:acme/s/s.yaml@main cannot be used: GitHub answered 404 for s.yaml at main in acme/s: Not Found", error.Message);
    }

    [Fact]
    public async Task FirstVersionInvalid_IsUnavailableNamingTheCommitAndTheLocatedErrors()
    {
        var provider = Provider(new ScriptedReader(StrategySourceRead.Version("bets: [\n", "c9", null)), new InMemoryWorkStore());

        var error = await Assert.ThrowsAsync<StrategyUnavailableException>(() => provider.GetAsync());

        Assert.Contains("the version at commit c9 is invalid: s.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedThenGood_WritesThenClearsTheStrategyInvalidRecord()
    {
        var store = new InMemoryWorkStore();
        var provider = Provider(new ScriptedReader(
            StrategySourceRead.Version(Good, "c1", null),
            StrategySourceRead.Version(Good.Replace("id: k", "id: b", StringComparison.Ordinal), "c2", null),
            StrategySourceRead.Version(Good.Replace("name: Good", "name: Better", StringComparison.Ordinal), "c3", null)), store);
        await provider.GetAsync();

        await provider.RefreshAsync();
        var raised = await StatusFindings.ReadAsync(store);
        await provider.RefreshAsync();
        var cleared = await StatusFindings.ReadAsync(store);

        var finding = Assert.Single(raised);
        Assert.Equal("strategy-invalid", finding.Kind);
        Assert.Contains("commit c2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("the last good version (commit c1) stays", finding.Message, StringComparison.Ordinal);
        Assert.Empty(cleared);
        Assert.Equal("Better", (await provider.GetAsync()).Strategy.Name);
    }

    private static StrategyProvider Provider(IStrategySourceReader reader, InMemoryWorkStore store) => new(
        Options.Create(new StrategyOptions { StrategySource = "github:acme/s/s.yaml@main" }),
        new AppFolder(Path.GetTempPath()),
        reader,
        store,
        TimeProvider.System);

    private sealed class ScriptedReader(params StrategySourceRead[] reads) : IStrategySourceReader
    {
        private int next;

        public List<string?> ETagsSent { get; } = [];

        public Task<StrategySourceRead> ReadAsync(GitStrategyLocation location, string? etag, CancellationToken cancellationToken = default)
        {
            ETagsSent.Add(etag);
            return Task.FromResult(reads[Math.Min(next++, reads.Length - 1)]);
        }
    }
}
