using OkrSync.Core.Work;

namespace OkrSync.Testing.Stores;

/// <summary>Deterministic work items for store tests and benchmarks.</summary>
public static class SampleWorkItems
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>
    /// <paramref name="count"/> items spread round-robin over <paramref name="containers"/> repositories and Jira
    /// projects (half each), <c>updated</c> one minute apart in item order.
    /// </summary>
    public static IReadOnlyList<WorkItem> Generate(int count, int containers, int bodyChars = 200, int version = 1)
    {
        var items = new WorkItem[count];
        for (var i = 0; i < count; i++)
        {
            var c = i % containers;
            var number = (i / containers) + 1;
            var github = c % 2 == 0;
            var container = github ? $"acme/repo-{c}" : $"P{c}";
            items[i] = new WorkItem
            {
                Source = github ? SourceKind.GitHub : SourceKind.Jira,
                Key = github ? $"{container}#{number}" : $"{container}-{number}",
                Container = container,
                Title = $"Item {i} v{version}",
                Url = github ? $"https://github.com/{container}/issues/{number}" : $"https://acme.atlassian.net/browse/{container}-{number}",
                Type = github ? "issue" : "Story",
                State = (StateCategory)(i % 4),
                Status = "In Progress",
                Labels = ["okr:kr-1", $"team-{c}"],
                Components = github ? [] : ["api"],
                Assignee = $"user{i % 17}",
                Estimate = i % 3 == 0 ? null : i % 8,
                Created = Epoch.AddMinutes(i),
                Updated = Epoch.AddMinutes(i + (version * 1_000_000)),
                Body = new string('b', bodyChars),
            };
        }

        return items;
    }
}
