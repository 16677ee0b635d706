using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Storage;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline;
using OkrSync.Storage.Queues;
using OkrSync.Testing.Emulators;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>
/// Two app instances on one Azurite (one table store, one queue), as the Functions host scales the queue trigger out:
/// each keeps its own items in memory and stores reports with optimistic concurrency, so they end with the report a
/// single process computes from the same events, never with an older one written over a newer one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstancesOnOneStoreAndQueue_FedInterleavedEvents_EndWithTheReportOfOneProcess()
    {
        var prefix = "two" + Guid.NewGuid().ToString("N")[..8];
        var queueName = "two-" + Guid.NewGuid().ToString("N")[..12];
        await using var first = await StartSharedAsync(prefix, queueName);
        await using var second = await StartSharedAsync(prefix, queueName);
        await using var single = await AppHarness.StartAsync(AppMode.Serve);
        var (events, expected) = Events(seed: 17, count: 60);

        for (var i = 0; i < events.Count; i++)
        {
            var delivery = Guid.NewGuid().ToString();
            var shared = await (i % 2 == 0 ? first : second).Client.PostJiraAsync(events[i], delivery);
            var alone = await single.Client.PostJiraAsync(events[i], delivery);
            Assert.Equal(HttpStatusCode.Accepted, shared.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, alone.StatusCode);
        }
        var queue = new QueueClient(azurite.ConnectionString, queueName);
        var converged = await AppHarness.EventuallyAsync(
            async () => await HoldsAsync(first.Store, expected)
                && await HoldsAsync(single.Store, expected)
                && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                && await Comparable(first.Store) is { } sharedReport
                && sharedReport == await Comparable(single.Store),
            attempts: 1_200);

        var stored = await first.Store.ReadCurrentReportAsync();
        Assert.True(converged, $"shared:\n{await Comparable(first.Store)}\nsingle process:\n{await Comparable(single.Store)}");
        Assert.Equal(await Comparable(first.Store), await FromItemsAsync(first.Store));
        Assert.Equal(expected.Count, stored!.Summary.Total);
        Assert.True(stored.Summary.Aligned > 0 && stored.Summary.Orphaned > 0 && stored.Summary.Contradicting > 0, JsonSerializer.Serialize(stored.Summary));
        Assert.True(await first.Store.ReadCurrentReportGenerationAsync() > 1);
    }

    private Task<AppHarness> StartSharedAsync(string prefix, string queueName) => AppHarness.StartAsync(
        AppMode.Serve,
        new Dictionary<string, string?>
        {
            ["OkrSync:Store"] = "tables:" + azurite.ConnectionString,
            ["OkrSync:Storage:TablePrefix"] = prefix,
        },
        services => services.AddSingleton<IEventQueue>(new AzureEventQueue(
            new QueueClient(azurite.ConnectionString, queueName, AzureEventQueue.ClientOptions()),
            new QueueClient(azurite.ConnectionString, queueName + "-poison", AzureEventQueue.ClientOptions()))));

    /// <summary>
    /// Jira issue events over a dozen keys: labels that align (<c>onboarding</c>), mark operational (<c>bug</c>),
    /// contradict (<c>dach</c>) or nothing; parents that align through <c>ONB-1</c> and chains between the keys; states
    /// moving on; each version later than the last; a few keys deleted at the end of their life.
    /// </summary>
    private static (List<string> Events, Dictionary<string, DateTimeOffset> Expected) Events(int seed, int count)
    {
        var random = new Random(seed);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddHours(-2);
        string[] labelSets = ["", "\"onboarding\"", "\"bug\"", "\"dach\"", "\"onboarding\", \"dach\"", "\"other\""];
        string[] categories = ["new", "indeterminate", "done"];
        var keys = Enumerable.Range(2, 12).Select(n => $"ONB-{n.ToString(CultureInfo.InvariantCulture)}").ToList();
        var events = new List<string>(count + 3);
        var expected = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var key = keys[random.Next(keys.Count)];
            var parent = random.Next(4) switch
            {
                0 => "ONB-1",
                1 => keys[random.Next(keys.Count)] is var other && other != key ? other : null,
                _ => null,
            };
            var at = start.AddSeconds(i * 10);
            expected[key] = at;
            var updated = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzz00", CultureInfo.InvariantCulture);
            var issue = TrackerJson.JiraIssue(key, category: categories[random.Next(categories.Length)], labels: labelSets[random.Next(labelSets.Length)], parent: parent, updated: updated);
            events.Add(JiraEvent("jira:issue_updated", issue));
        }
        foreach (var key in keys.Take(3))
        {
            events.Add(JiraEvent("jira:issue_deleted", TrackerJson.JiraIssue(key, updated: start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzz00", CultureInfo.InvariantCulture))));
            expected.Remove(key);
        }
        return (events, expected);
    }

    private static string JiraEvent(string name, string issue) => $$"""
        { "timestamp": 1763970000000, "webhookEvent": "{{name}}", "issue_event_type_name": "issue_generic", "issue": {{issue}} }
        """;

    /// <summary>The stored report as JSON without its as-of instant, its lists in key order (instances enumerate items in their own order).</summary>
    private static async Task<string?> Comparable(IWorkStore store) =>
        await store.ReadCurrentReportAsync() is { } report ? Normalise(report) : null;

    private static string Normalise(ReportDocument report) => JsonSerializer.Serialize(
        report with
        {
            AsOf = default,
            // The investment window ends at the as-of, which differs between the processes; what it counts does not.
            Investment = report.Investment is { } investment ? investment with { From = default, To = default } : null,
            WorkItems = [.. report.WorkItems.OrderBy(i => i.Key, StringComparer.Ordinal)],
            Findings = [.. report.Findings.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)],
        },
        ReportJsonContext.Default.ReportDocument);

    /// <summary>The report a recompute from everything in the store gives (not stored): the stored one is not behind the items.</summary>
    private static async Task<string> FromItemsAsync(IWorkStore store)
    {
        var strategy = StrategyLoader.Load(AppStrategy.Yaml, "strategy.yaml").Strategy!;
        var items = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync())
        {
            items.Add(item);
        }
        return Normalise(ReportPublisher.ToStoredDocument(ReportBuilder.Build(strategy, items, DateTimeOffset.UtcNow)));
    }

    /// <summary>Whether the store holds exactly the expected items, each at its last version: every event applied.</summary>
    private static async Task<bool> HoldsAsync(IWorkStore store, Dictionary<string, DateTimeOffset> expected)
    {
        var seen = 0;
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync())
        {
            if (!expected.TryGetValue(item.Key, out var updated) || item.Updated != updated)
            {
                return false;
            }
            seen++;
        }
        return seen == expected.Count;
    }
}
