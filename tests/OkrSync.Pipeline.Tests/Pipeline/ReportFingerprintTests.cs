using OkrSync.Core.Reports;
using OkrSync.Pipeline;

namespace OkrSync.Functions.Tests.Pipeline;

/// <summary><see cref="ReportFingerprint.Same"/> says what comparing the fingerprints says, without serialising either report whole.</summary>
public sealed class ReportFingerprintTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SameContentAtAnotherInstant_IsTheSameAlsoWithFreshCopiesOfEveryItem()
    {
        var first = Report(T0);
        var later = Report(T0.AddMinutes(5));

        Assert.True(ReportFingerprint.Same(first, later));
        Assert.Equal(ReportFingerprint.Of(first), ReportFingerprint.Of(later));
    }

    [Fact]
    public void OneItemRetitled_IsNotTheSame()
    {
        var first = Report(T0);
        var items = first.WorkItems.ToList();
        items[7] = items[7] with { Title = "Retitled" };
        var changed = first with { WorkItems = items };

        Assert.False(ReportFingerprint.Same(first, changed));
        Assert.NotEqual(ReportFingerprint.Of(first), ReportFingerprint.Of(changed));
    }

    [Fact]
    public void OneItemLabelAdded_IsNotTheSame()
    {
        var first = Report(T0);
        var items = first.WorkItems.ToList();
        items[3] = items[3] with { Labels = [.. items[3].Labels, "new-label"] };

        Assert.False(ReportFingerprint.Same(first, first with { WorkItems = items }));
    }

    [Fact]
    public void OneFindingOrTheSummaryChanged_IsNotTheSame()
    {
        var first = Report(T0);
        var findings = first.Findings.ToList();
        findings[2] = findings[2] with { Message = "Another message" };

        Assert.False(ReportFingerprint.Same(first, first with { Findings = findings }));
        Assert.False(ReportFingerprint.Same(first, first with { Summary = first.Summary with { Orphaned = 99 } }));
        Assert.False(ReportFingerprint.Same(first, first with { Findings = first.Findings.Take(9).ToList() }));
    }

    private static ReportDocument Report(DateTimeOffset asOf)
    {
        var items = Enumerable.Range(0, 10)
            .Select(i => new WorkItemJson($"acme/app#{i}", "github", "acme/app", $"Work {i}", $"https://github.com/acme/app/issues/{i}", "issue", "todo", "orphaned", [], [], null, ["area"], null, null, T0.AddDays(-i), T0, null))
            .ToList();
        var findings = items.Select(w => new FindingJson("orphaned-work", w.Key, $"Open work '{w.Title}' serves no bet.", null, w.Url)).ToList();
        return new ReportDocument("strategy.yaml", asOf, new SummaryJson(10, 0, 0, 10, 0, 10, 10, 1), [], [], [], items, findings);
    }
}
