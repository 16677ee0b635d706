using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The findings page: every finding (as <c>/api/findings</c>: the report's, then the poisoned events'), most urgent kind
/// first, optionally of one kind, 100 a page. The report's findings are put in order once per report
/// (<see cref="FindingList"/>); the few poisoned events are merged in at each request.
/// </summary>
public static class FindingsView
{
    public const int PageSize = ListPages.PageSize;

    /// <summary>Page <paramref name="page"/> of the findings of <paramref name="report"/> and <paramref name="poisoned"/>, of <paramref name="kind"/> when given; a page past the last is the last.</summary>
    public static FindingsPageJson Build(DateTimeOffset? asOf, FindingList report, FindingList poisoned, string? kind, int page)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(poisoned);
        var counts = new Dictionary<string, int>(report.Counts, StringComparer.Ordinal);
        foreach (var (k, n) in poisoned.Counts)
        {
            counts[k] = counts.GetValueOrDefault(k) + n;
        }
        IReadOnlyList<FindingJson> ordered = kind is not null
            ? poisoned.OfKind(kind).Count == 0 ? report.OfKind(kind) : [.. report.OfKind(kind), .. poisoned.OfKind(kind)]
            : poisoned.Count == 0 ? report.All : Merge(report.All, poisoned.All);
        var (total, current, shown) = ListPages.Slice(ordered, page);
        return new FindingsPageJson(asOf, kind, CountsOf(counts), shown)
        {
            Total = total,
            Page = current,
            PageSize = PageSize,
            Pages = ListPages.Count(total),
        };
    }

    /// <summary>The count of each kind, most urgent kind first (the finding kinds' rows, then unknown kinds by name).</summary>
    public static IReadOnlyList<FindingKindCountJson> CountsOf(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. counts.Keys.OrderBy(FindingKinds.Order).ThenBy(k => k, StringComparer.Ordinal).Select(kind =>
        {
            var row = FindingKinds.Describe(kind);
            return new FindingKindCountJson(kind, row.Title, row.Severity.ToString().ToLowerInvariant(), counts[kind]);
        })];
    }

    // Both lists are in kind order; on a tie the report's come first, as they are listed first.
    private static List<FindingJson> Merge(IReadOnlyList<FindingJson> first, IReadOnlyList<FindingJson> second)
    {
        var merged = new List<FindingJson>(first.Count + second.Count);
        int i = 0, j = 0;
        while (i < first.Count || j < second.Count)
        {
            merged.Add(j == second.Count || (i < first.Count && FindingKinds.Order(first[i].Kind) <= FindingKinds.Order(second[j].Kind)) ? first[i++] : second[j++]);
        }
        return merged;
    }
}

/// <summary>Findings in page order (most urgent kind first, then as listed), by kind, with the count of each kind: worked out once per report.</summary>
public sealed class FindingList
{
    private static readonly IReadOnlyList<FindingJson> None = [];
    private readonly Dictionary<string, IReadOnlyList<FindingJson>> byKind;

    private FindingList(List<FindingJson> ordered)
    {
        All = ordered;
        byKind = ordered.GroupBy(f => f.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<FindingJson>)[.. g], StringComparer.Ordinal);
        Counts = byKind.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
    }

    public static FindingList Empty { get; } = new([]);

    public static FindingList Of(IEnumerable<FindingJson> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return new([.. findings.Select((f, i) => (f, i)).OrderBy(p => FindingKinds.Order(p.f.Kind)).ThenBy(p => p.i).Select(p => p.f)]);
    }

    /// <summary>Every finding, in page order.</summary>
    public IReadOnlyList<FindingJson> All { get; }

    public int Count => All.Count;

    /// <summary>How many findings there are of each kind.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>The findings of <paramref name="kind"/>, in page order.</summary>
    public IReadOnlyList<FindingJson> OfKind(string kind) => byKind.GetValueOrDefault(kind) ?? None;
}
