using System.Globalization;
using System.Text;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Benchmarks.Pipeline;

/// <summary>
/// A synthetic organisation for benchmarks: 5 bets × 5 KRs × 3 initiatives, and N items of which about 55% match
/// a label, milestone or component, 15% hang under an epic (inheriting), 12% are operational, 1% contradict and the
/// rest are orphans. Deterministic for a given N.
/// </summary>
internal static class SyntheticWork
{
    public const int Bets = 5, KeyResultsPerBet = 5, InitiativesPerKeyResult = 3;

    public static StrategyDocument Strategy() =>
        StrategyLoader.Load(StrategyYaml(), "synthetic.yaml").Strategy ?? throw new InvalidOperationException("synthetic strategy is invalid");

    /// <summary>The synthetic strategy as a strategy file.</summary>
    public static string StrategyYaml()
    {
        var yaml = new StringBuilder("name: Synthetic\noperational: { labels: [bug, chore], issue-types: [Incident], allocation: 20% }\nbets:\n");
        for (var b = 0; b < Bets; b++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: bet{b}\n    title: Bet {b}\n    allocation: 15%\n    position: [{{ id: pos{b}, title: P, metric: {{ baseline: 0, target: 100, current: {b * 10} }} }}]\n    not-doing: [{{ id: nd{b}, title: No {b}, labels: [forbidden-{b}] }}]\n    key-results:\n");
            for (var k = 0; k < KeyResultsPerBet; k++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - id: kr{b}-{k}\n        title: KR\n        metric: {{ baseline: 0, target: 100, current: {k * 20} }}\n        initiatives:\n");
                for (var i = 0; i < InitiativesPerKeyResult; i++)
                {
                    var id = $"{b}-{k}-{i}";
                    yaml.Append(CultureInfo.InvariantCulture, $"          - {{ id: in{id}, title: I, match: {{ labels: [label-{id}], milestones: [\"M {id}\"], components: [C{id}], parents: [EPIC-{id}] }} }}\n");
                }
            }
        }
        return yaml.ToString();
    }

    public static WorkItem[] Items(int count, DateTimeOffset now)
    {
        var random = new Random(42);
        var initiatives = Bets * KeyResultsPerBet * InitiativesPerKeyResult;
        var items = new WorkItem[count];
        for (var n = 0; n < count; n++)
        {
            var which = random.Next(initiatives);
            var id = $"{which / 15}-{which / 3 % 5}-{which % 3}";
            var roll = random.Next(100);
            var github = n % 2 == 0;
            var container = github ? $"org/repo{n % 10}" : $"P{n % 5}";
            var key = github ? $"{container}#{n}" : $"{container}-{n}";
            var item = new WorkItem
            {
                Source = github ? SourceKind.GitHub : SourceKind.Jira,
                Key = key,
                Container = container,
                Title = "Synthetic work",
                State = (StateCategory)(random.Next(10) switch { < 4 => 0, < 6 => 1, < 9 => 2, _ => 3 }),
                Labels = roll switch
                {
                    < 35 => [$"label-{id}", "frontend"],
                    < 47 => ["bug"],
                    < 48 => [$"forbidden-{which % Bets}", $"label-{id}"],
                    _ => ["frontend"],
                },
                Milestone = roll is >= 48 and < 58 ? $"M {id}" : null,
                Components = roll is >= 58 and < 68 ? [$"C{id}"] : [],
                ParentKey = roll is >= 68 and < 83 ? (n > 10 && random.Next(2) == 0 ? items[n - 1 - random.Next(10)].Key : $"EPIC-{id}") : null,
                Estimate = random.Next(3) == 0 ? random.Next(1, 8) : null,
                Created = now.AddDays(-random.Next(200)),
                Updated = now.AddDays(-random.Next(30)),
            };
            // Done work closed on its last update, so that the investment window sees a realistic share of it.
            items[n] = item.State == StateCategory.Done ? item with { Closed = item.Updated } : item;
        }
        return items;
    }
}
