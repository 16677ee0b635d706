using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sources;

/// <summary>Every <see cref="TrackerRegistry"/> entry round-trips spec → source id → item keys → container, on the fake trackers.</summary>
public sealed class TrackerRegistryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    // A tracker added to the registry without a sample here fails EveryEntry_HasASample.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal) { ["github"] = "acme/web", ["jira"] = "onb" };

    public static TheoryData<string> Kinds() => [.. TrackerRegistry.All.Select(e => e.Kind.Value)];

    [Fact]
    public void EveryEntry_HasASample() =>
        Assert.All(TrackerRegistry.All, e => Assert.True(Samples.ContainsKey(e.Kind.Value), $"no sample container for '{e.Kind}'"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Entry_RoundTripsSpecSourceIdKeysAndContainer(string kind)
    {
        var entry = TrackerRegistry.For(new SourceKind(kind));
        var container = Samples[kind];
        var normalized = entry.Normalize(container);
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = new InstantTimeProvider(Start) });
        await using var jira = await FakeJiraServer.StartAsync(new FakeJiraOptions { TimeProvider = new InstantTimeProvider(Start) });
        github.SeedRepository(Samples["github"], new GitHubSeedOptions { Count = 3, RandomSeed = 1 });
        jira.SeedProject(entry.Kind == SourceKind.Jira ? normalized : "ONB", new JiraSeedOptions { Count = 3, RandomSeed = 1 });
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(Start), github, jira);
        var store = new InMemoryWorkStore();

        Assert.True(SourceSpec.TryParse($"{entry.Prefix}:{container}", out var spec, out var error), error);
        var source = Assert.IsAssignableFrom<ITrackerSource>(Assert.Single(harness.Sources.Create([spec!])));
        var report = await harness.Engine(store).SyncAsync([source]);
        var items = await store.ReadAllItemsAsync().ToListAsync();
        var fetched = await entry.FetchAsync(source, items[0].Key);

        Assert.True(report.Succeeded);
        Assert.Equal(entry.SourceId(container), source.Id);
        Assert.Equal((entry.Kind, normalized), (source.Kind, source.Container));
        Assert.Equal(3, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(entry.Kind, item.Source);
            Assert.Null(TrackerKeys.Problem(entry.Kind, item.Key));
            Assert.Equal(normalized, entry.Keys.ContainerOf(item.Key));
        });
        Assert.Equal(items[0].Key, fetched?.Key);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ExportSpec_ResolvesToTheSameEntry(string kind)
    {
        var entry = TrackerRegistry.For(new SourceKind(kind));

        Assert.True(SourceSpec.TryParse($"{entry.ExportPrefix}:work.json", out var spec, out _));
        Assert.True(TrackerRegistry.TryResolve(spec!.Kind, out var resolved, out var export));

        Assert.Same(entry, resolved);
        Assert.True(export);
    }

    [Fact]
    public void UnknownSpecKind_IsRejectedNamingEveryForm()
    {
        Assert.False(SourceSpec.TryParse("svn:repo", out _, out var error));

        Assert.Equal("'svn:repo' is not a source: use github-export:PATH, jira-export:PATH, github:OWNER/REPO or jira:PROJECT", error);
    }

    [Fact]
    public async Task UnknownSpecKind_CannotBeCreated()
    {
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(Start));

        var e = Assert.Throws<ArgumentException>(() => harness.Sources.Create([new SourceSpec("svn", "repo")]));

        Assert.StartsWith("unknown source kind 'svn'", e.Message, StringComparison.Ordinal);
    }
}
