using System.Diagnostics;
using System.Globalization;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/OkrSync.Benchmarks -- connectors [ITEMS-PER-TRACKER]</c>: a full sync of
/// N GitHub + N Jira items (default 20,000 each) against the fake trackers, then an idle sync, then a run with 20% of
/// responses failing. Prints calls made versus the minimum and items per second, measured in the same run.
/// </summary>
internal static class ConnectorsMeasurement
{
    private const string Repo = "acme/platform";
    private const string Project = "PLAT";

    public static async Task<int> RunAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var clock = new InstantTimeProvider(DateTimeOffset.UtcNow); // client waits (retries) cost nothing
        await using var github = await FakeGitHubServer.StartAsync();
        await using var jira = await FakeJiraServer.StartAsync();
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = n });
        jira.SeedProject(Project, new JiraSeedOptions { Count = n });
        await using var harness = ConnectorHarness.Create(clock, github, jira);
        SourceSpec[] specs = [new(SourceSpec.GitHub, Repo), new(SourceSpec.Jira, Project)];
        var store = new InMemoryWorkStore();

        var watch = Stopwatch.StartNew();
        var full = await harness.Engine(store).SyncAsync(harness.Sources.Create(specs));
        watch.Stop();
        var minimum = 2 * ((n + 99) / 100);
        Console.WriteLine($"Full sync of {n:N0} GitHub + {n:N0} Jira items: {full.Fetched:N0} fetched in {watch.Elapsed.TotalSeconds:F2} s = {full.Fetched / watch.Elapsed.TotalSeconds:N0} items/s");
        Console.WriteLine($"  calls: GitHub {github.Metrics.TotalRequests} (list {github.Metrics.Requests(GitHubEndpoint.ListIssues)}), Jira {jira.Metrics.TotalRequests} (search {jira.Metrics.Requests(JiraEndpoint.SearchJql)}, myself {jira.Metrics.Requests(JiraEndpoint.Myself)}, field {jira.Metrics.Requests(JiraEndpoint.Fields)})");
        Console.WriteLine($"  total {full.ApiCalls} calls vs minimum {minimum} (⌈N/100⌉ per container) = +{full.ApiCalls - minimum}");
        Print(full);

        github.Metrics.Reset();
        jira.Metrics.Reset();
        var rows = store.RowsWritten;
        var idle = await harness.Engine(store).SyncAsync(harness.Sources.Create(specs));
        Console.WriteLine($"Idle second sync: GitHub {github.Metrics.Requests(GitHubEndpoint.ListIssues)} list call(s), {github.Metrics.NotModified} answered 304; Jira {jira.Metrics.Requests(JiraEndpoint.SearchJql)} search page(s); rows written {store.RowsWritten - rows}");
        Print(idle);

        github.Metrics.Reset();
        jira.Metrics.Reset();
        watch.Restart();
        var warm = await harness.Engine(new InMemoryWorkStore()).SyncAsync(harness.Sources.Create(specs));
        watch.Stop();
        Console.WriteLine($"Warm full sync (fresh store, JIT done): {warm.Fetched:N0} fetched in {watch.Elapsed.TotalSeconds:F2} s = {warm.Fetched / watch.Elapsed.TotalSeconds:N0} items/s, {warm.ApiCalls} calls vs minimum {minimum}");

        var faults = new FaultOptions { Probability = 0.2, Seed = 7 };
        github.Faults = faults;
        jira.Faults = faults;
        github.Metrics.Reset();
        jira.Metrics.Reset();
        var faulty = new InMemoryWorkStore();
        watch.Restart();
        var faultRun = await harness.Engine(faulty).SyncAsync(harness.Sources.Create(specs));
        watch.Stop();
        var same = store.ContentByKey().OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(faulty.ContentByKey().OrderBy(p => p.Key, StringComparer.Ordinal));
        Console.WriteLine($"20% faults: {github.Metrics.FaultsInjected + jira.Metrics.FaultsInjected} injected, {faultRun.ApiCalls} calls, {watch.Elapsed.TotalSeconds:F2} s; final state equals the fault-free run: {same}");
        Print(faultRun);
        return full.Succeeded && idle.Succeeded && warm.Succeeded && faultRun.Succeeded && same ? 0 : 1;
    }

    private static void Print(SyncReport report)
    {
        foreach (var source in report.Sources)
        {
            Console.WriteLine("  " + source.Summary());
        }
    }
}
