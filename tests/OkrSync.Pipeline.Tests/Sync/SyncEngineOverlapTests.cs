using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>
/// What the engine overlaps: a source's next page is fetched while this one is written, and sources of different
/// trackers run side by side, while one tracker's sources take turns. The handshakes below fail (after a guard
/// timeout) instead of waiting forever when the overlap is missing.
/// </summary>
public sealed class SyncEngineOverlapTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly InstantTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FirstPageBeingWritten_NextPageIsAlreadyBeingFetched()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        var store = new InMemoryWorkStore();
        store.BeforeUpsert = async batch =>
        {
            if (batch[0].Key.EndsWith("#p0-0", StringComparison.Ordinal))
            {
                await source.PageRequested(1).WaitAsync(Guard);
            }
        };

        var report = await Engine(store).SyncAsync([source]).WaitAsync(Guard);

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(3 * ScriptedSource.PerPage, store.Count);
        Assert.Equal("p2", (await store.ReadCursorAsync(source.Id))?.Position);
    }

    [Fact]
    public async Task FetchFailsAfterTwoPages_BothPagesAndTheirCursorAreStored()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 2, failAfter: true);
        var store = new InMemoryWorkStore();

        var report = await Engine(store).SyncAsync([source]).WaitAsync(Guard);

        Assert.False(report.Succeeded);
        Assert.Contains("page 2 failed", report.Sources[0].Error, StringComparison.Ordinal);
        Assert.Equal(2 * ScriptedSource.PerPage, store.Count);
        Assert.Equal("p1", (await store.ReadCursorAsync(source.Id))?.Position);
    }

    [Fact]
    public async Task WriteFails_FetchingStopsAndNoLaterCursorIsStored()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 50);
        var crashing = new CrashingWorkStore(new InMemoryWorkStore(), writesBeforeCrash: (2 * ScriptedSource.PerPage) + 2);

        var report = await Engine(crashing).SyncAsync([source]).WaitAsync(Guard);

        Assert.False(report.Succeeded);
        // The crashed store refuses the cursor too: it stays where it was last written, never past a stored page.
        Assert.Contains((await crashing.ReadCursorAsync(source.Id))?.Position, new string?[] { null, "p0", "p1" });
        Assert.True(source.PagesRequested <= 5, $"fetching went on to page {source.PagesRequested} after the write failed");
    }

    [Fact]
    public async Task GitHubAndJiraSources_RunSideBySide()
    {
        var github = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 2);
        var jira = new ScriptedSource("jira:ONB", SourceKind.Jira, pages: 2);
        var store = new InMemoryWorkStore();
        // GitHub's first page is not written until Jira's source has started.
        store.BeforeUpsert = batch => batch[0].Source == SourceKind.GitHub ? jira.PageRequested(0).WaitAsync(Guard) : Task.CompletedTask;

        var report = await Engine(store).SyncAsync([github, jira]).WaitAsync(Guard);

        Assert.True(report.Succeeded, string.Join("; ", report.Sources.Select(s => s.Error)));
        Assert.Equal(["github:acme/web", "jira:ONB"], report.Sources.Select(s => s.SourceId));
        Assert.Equal(4 * ScriptedSource.PerPage, store.Count);
    }

    [Fact]
    public async Task TwoGitHubRepositories_TakeTurns()
    {
        var first = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        var second = new ScriptedSource("github:acme/api", SourceKind.GitHub, pages: 3);
        var store = new InMemoryWorkStore();

        var report = await Engine(store).SyncAsync([first, second]).WaitAsync(Guard);

        Assert.True(report.Succeeded);
        Assert.True(first.FinishedAt < second.StartedAt, "the second repository started before the first had finished");
    }

    private SyncEngine Engine(IWorkStore store) => new(store, store, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SyncEngine>.Instance, Microsoft.Extensions.Options.Options.Create(new ReconcileOptions()));
}
