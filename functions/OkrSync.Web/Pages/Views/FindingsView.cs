using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

/// <summary>The findings page: every finding (as <c>/api/findings</c>), most urgent kind first, optionally of one kind.</summary>
public static class FindingsView
{
    public static FindingsPageJson Build(DateTimeOffset? asOf, IReadOnlyList<FindingJson> findings, string? kind)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var shown = findings
            .Where(f => kind is null || f.Kind == kind)
            .Select((f, i) => (f, i))
            .OrderBy(p => FindingKinds.Order(p.f.Kind)).ThenBy(p => p.i)
            .Select(p => p.f)
            .ToList();
        return new FindingsPageJson(asOf, kind, StrategyView.CountFindings(findings), shown);
    }
}
