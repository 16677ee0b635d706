using System.Text.Json;
using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Reports;

/// <summary>
/// Property-style: for random sequences of upserts, label changes, parent changes (chains, missing parents, a
/// <c>parents:</c> rule, keys in another case) and deletes, the incremental report equals a full recompute from
/// scratch (<see cref="ReportBuilder"/>) after every change: summary, rollup, readings, investment, findings (bet
/// positions and allocations included) and every item's alignment. The strategy declares allocations for both bets and
/// operational work and position signals on both bets; each seed draws a few check-ins (key results and position
/// signals, one of them after the as-of, which must not count).
/// Parents only point at keys of lower number (trackers allow no cycles; see <see cref="IncrementalReport"/>).
/// </summary>
public sealed class IncrementalReportTests
{
    private static readonly string[] LabelPool = ["onboarding", "wizard", "billing", "perf", "dach", "on-prem", "bug", "ktlo", "other", "ONBOARDING", "initiative:i4"];
    private static readonly double?[] Estimates = [null, null, 0.5, 1, 2, 3, 5, 8];
    private static readonly string[] Types = ["Story", "Story", "Task", "Incident"];
    private const int KeySpace = 40;

    /// <summary>The standard strategy with declared allocations, so that <c>allocation-drift</c> can fire.</summary>
    private static readonly string Yaml = Some.StandardYaml
        .Replace("    title: Bet one\n", "    title: Bet one\n    allocation: 40%\n", StringComparison.Ordinal)
        .Replace("    title: Bet two\n", "    title: Bet two\n    allocation: 30%\n", StringComparison.Ordinal)
        .Replace("  issue-types: [Incident]\n", "  issue-types: [Incident]\n  allocation: 20%\n", StringComparison.Ordinal);

    private static readonly string[] Measured = ["kr1", "kr2", "kr3", "p1", "p2"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomChanges_IncrementalReport_EqualsAFullRecomputeAfterEveryChange(int seed)
    {
        var random = new Random(seed);
        var options = new AlignmentOptions(IncludePullRequests: seed % 3 == 0);
        var index = Some.Index(Yaml);
        var checkIns = RandomCheckIns(random);
        var items = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
        var initial = random.Next(0, 30);
        for (var i = 0; i < initial; i++)
        {
            var item = RandomItem(random, random.Next(1, KeySpace), step: 0);
            items[item.Key] = item;
        }
        var incremental = new IncrementalReport(index, items.Values, options);
        var asOf = Some.Now.AddDays(-20);
        AssertSame(index, items, checkIns, incremental, options, asOf, $"seed {seed}, initial load");

        for (var step = 1; step <= 120; step++)
        {
            // The as-of moves as time does: mostly on by minutes to hours, now and then by weeks (done work leaves the
            // investment window, work dated later joins it), sometimes back.
            asOf = asOf.AddMinutes(random.Next(10) switch { < 4 => 0, < 7 => random.Next(1, 600), < 9 => random.Next(1, 60 * 24 * 14), _ => -random.Next(1, 60 * 24 * 3) });
            var change = random.Next(10);
            var number = random.Next(1, KeySpace);
            var key = Key(number);
            var described = "";
            if (change < 3 || !items.TryGetValue(key, out var known))
            {
                if (change >= 8)
                {
                    incremental.Delete(key);
                    items.Remove(key);
                    described = $"delete missing {key}";
                }
                else
                {
                    var item = RandomItem(random, number, step);
                    incremental.Upsert(item);
                    items[item.Key] = item;
                    described = $"upsert {key}";
                }
            }
            else if (change < 5)
            {
                var relabelled = known with { Labels = RandomLabels(random), Updated = known.Updated.AddMinutes(random.Next(0, 3)) };
                incremental.Apply([relabelled], []);
                items[key] = relabelled;
                described = $"labels of {key}";
            }
            else if (change < 7)
            {
                var moved = known with { ParentKey = RandomParent(random, number), State = random.Next(4) == 0 ? RandomState(random) : known.State };
                incremental.Apply([moved], []);
                items[key] = moved;
                described = $"parent of {key} to {moved.ParentKey ?? "none"}";
            }
            else
            {
                incremental.Apply([], [random.Next(2) == 0 ? key : key.ToLowerInvariant()]);
                items.Remove(key);
                described = $"delete {key}";
            }
            AssertSame(index, items, checkIns, incremental, options, asOf, $"seed {seed}, step {step} at {asOf:u}: {described}");
        }
    }

    [Fact]
    public void ParentDeletedAndBack_ChildrenLoseAndRegainTheInheritedInitiative()
    {
        var index = Some.Index();
        var epic = Some.Item("ONB-10", labels: ["wizard"]);
        var story = Some.Item("ONB-11", parent: "ONB-10");
        var task = Some.Item("ONB-12", parent: "ONB-11", estimate: 3);
        var incremental = new IncrementalReport(index, [epic, story, task]);

        incremental.Delete("ONB-10");
        var without = incremental.ToReport(Some.Now);
        incremental.Upsert(epic);
        var with = incremental.ToReport(Some.Now);

        Assert.Equal(0, without.Summary.Aligned);
        Assert.Equal(3, with.Summary.Aligned);
        Assert.Equal(3, with.Rollup.Initiatives.Single(i => i.Initiative.Id == "i2").Points.Todo);
        Assert.Equal(Json(ReportBuilder.Build(index, [story, task, epic], Some.Now)), Json(with));
    }

    [Fact]
    public void CheckInAndAllocations_IncrementalReport_CarriesTheReadingTheInvestmentAndTheDrift()
    {
        var index = Some.Index(Yaml);
        var perf = Some.Item("ONB-2", StateCategory.Done, ["perf"], estimate: 10, updated: Some.Now.AddDays(-1));
        CheckIn[] checkIns = [new("kr1", 5, Some.Now.AddDays(-2)), new("kr1", 9, Some.Now.AddDays(1))];
        var incremental = new IncrementalReport(index, []);

        incremental.Upsert(perf);
        var report = incremental.ToReport(Some.Now, checkIns);

        Assert.Equal(5, report.Rollup.KeyResults.Single(k => k.KeyResult.Id == "kr1").Outcome.Current);
        Assert.Equal(10, report.Investment!.Overall.Bets[1]);
        Assert.Contains(report.Findings, f => f.Kind == FindingKinds.AllocationDrift && f.Subject == "b1");
        Assert.Equal(Json(ReportBuilder.Build(index, [perf], Some.Now, null, checkIns)), Json(report));
    }

    private static void AssertSame(StrategyIndex index, Dictionary<string, WorkItem> items, IReadOnlyList<CheckIn> checkIns, IncrementalReport incremental, AlignmentOptions options, DateTimeOffset asOf, string step)
    {
        var expected = Json(ReportBuilder.Build(index, items.Values, asOf, options, checkIns));
        var actual = Json(incremental.ToReport(asOf, checkIns));
        if (expected != actual)
        {
            Assert.Fail($"{step}: the incremental report differs from a full recompute.\nexpected: {expected}\nactual:   {actual}");
        }
    }

    /// <summary>The whole report with every item, items and findings in key order (item order is the input's).</summary>
    private static string Json(Report report)
    {
        var document = report.ToDocument(includeWorkItems: true);
        return JsonSerializer.Serialize(
            document with
            {
                WorkItems = [.. document.WorkItems.OrderBy(i => i.Key, StringComparer.Ordinal)],
                Findings = [.. document.Findings.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)],
            },
            ReportJsonContext.Default.ReportDocument);
    }

    /// <summary>Zero to three check-ins on key results and position signals in the past weeks, and sometimes one after the as-of.</summary>
    private static List<CheckIn> RandomCheckIns(Random random)
    {
        var checkIns = new List<CheckIn>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            checkIns.Add(new CheckIn(Measured[random.Next(Measured.Length)], random.Next(0, 120), Some.Now.AddDays(-random.Next(0, 60))));
        }
        if (random.Next(4) == 0)
        {
            checkIns.Add(new CheckIn(Measured[random.Next(Measured.Length)], random.Next(0, 120), Some.Now.AddDays(1)));
        }
        return checkIns;
    }

    private static string Key(int number) => $"ONB-{number + 1}";

    private static WorkItem RandomItem(Random random, int number, int step) => Some.Item(
        Key(number),
        state: RandomState(random),
        labels: RandomLabels(random),
        parent: RandomParent(random, number),
        milestone: random.Next(8) == 0 ? "Onboarding v2" : null,
        components: random.Next(8) == 0 ? ["Onboarding"] : null,
        type: Types[random.Next(Types.Length)],
        estimate: Estimates[random.Next(Estimates.Length)],
        updated: Some.Now.AddDays(-random.Next(0, 40)).AddMinutes(step),
        pullRequest: random.Next(10) == 0);

    private static StateCategory RandomState(Random random) =>
        (StateCategory)random.Next(Enum.GetValues<StateCategory>().Length);

    private static string[] RandomLabels(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => LabelPool[random.Next(LabelPool.Length)]).Distinct()];

    /// <summary>None, the <c>parents:</c> rule's ONB-1, itself, or a lower-numbered key (present or not, in either case).</summary>
    private static string? RandomParent(Random random, int number) => random.Next(6) switch
    {
        0 or 1 => null,
        2 => "ONB-1",
        3 when random.Next(4) == 0 => Key(number),
        _ when number > 1 => random.Next(3) == 0 ? Key(random.Next(1, number)).ToLowerInvariant() : Key(random.Next(1, number)),
        _ => null,
    };
}
