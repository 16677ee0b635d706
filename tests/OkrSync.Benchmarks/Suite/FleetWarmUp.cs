using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Trackers;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Warms the fake trackers up before a measured sync. They stand in for servers on other machines, but run in this
/// process, on the cores the sync is measured on: cold, their own JIT took about 1 s of CPU while the first sync ran
/// (perf: the benchmark's tiered-compilation thread, 340 of its 1,044 samples). The warm-up reads a repository and a
/// project of its own, each twice, through the production connectors in this process, then waits until this process
/// stops compiling methods. The measured sync's repositories and projects are untouched; their calls are counted from
/// after the warm-up.
/// </summary>
internal static class FleetWarmUp
{
    private const string Repository = "acme/warmup";
    private const string Project = "PWARM";
    private const int Items = 4_000; // 40 pages each: past the 30 calls after which a method is compiled optimised
    private const int Reads = 2;
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(TrackerFleet fleet, CancellationToken cancellationToken = default)
    {
        fleet.GitHub.SeedRepository(Repository, new GitHubSeedOptions { Count = Items, RandomSeed = 1_000 });
        fleet.Jira.SeedProject(Project, new JiraSeedOptions { Count = Items, RandomSeed = 1_001 });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(fleet.Environment([Repository], [Project]).Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddWorkSources(configuration);
        await using var provider = services.BuildServiceProvider();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var read = 0;
        for (var round = 0; round < Reads; round++)
        {
            foreach (var source in provider.GetRequiredService<SourceFactory>().CreateConfigured())
            {
                await foreach (var page in source.ReadAsync(null, cancellationToken))
                {
                    read += page.Items.Count;
                }
            }
        }
        var settled = await SettleAsync(cancellationToken);
        Progress.Line($"fake trackers warmed up: {read:N0} items read in {clock.Elapsed.TotalSeconds:F1} s; compiler {(settled ? "idle" : $"still busy after {SettleLimit.TotalSeconds:F0} s")}");
    }

    /// <summary>Waits until no method was compiled in this process for one poll interval (at most <see cref="SettleLimit"/>).</summary>
    private static async Task<bool> SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SettleLimit;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(SettlePoll, cancellationToken);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return true;
            }
            compiled = now;
        }
        return false;
    }
}
