using OkrSync.Core.Findings;

namespace OkrSync.Core.Tests.Findings;

public class FindingKindTests
{
    public static TheoryData<string> Kinds => [.. FindingKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_HasATitleASeverityAndASection(string kind)
    {
        var row = FindingKinds.Describe(kind);

        Assert.Equal(kind, row.Name);
        Assert.False(string.IsNullOrWhiteSpace(row.Title));
        Assert.NotEqual(kind, row.Title);
        Assert.True(Enum.IsDefined(row.Severity));
        Assert.True(Enum.IsDefined(row.Section));
    }

    [Fact]
    public void Rows_AreOnePerKind_InTheOrderOfAll()
    {
        Assert.Equal(13, FindingKinds.Rows.Count);
        Assert.Equal(FindingKinds.Rows.Select(r => r.Name), FindingKinds.All);
        Assert.Equal(FindingKinds.All.Count, FindingKinds.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FindingKinds.Rows.Count, FindingKinds.Rows.Select(r => r.Title).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(0, FindingKinds.Rows.Count), FindingKinds.All.Select(FindingKinds.Order));
    }

    [Fact]
    public void KindNames_AreThePublicContract()
    {
        Assert.Equal(
            ["reconcile-held", "strategy-invalid", "contradicts-not-doing", "outputs-without-outcome", "green-krs-flat-position", "allocation-drift", "outcome-unmeasured", "metric-source-failed", "unbacked-kr", "idle-bet", "stale-initiative", "orphaned-work", "poison-event"],
            FindingKinds.All);
    }

    [Fact]
    public void UnknownKind_GetsAFallbackRow_SortedLastAndLeftOutOfTheDigest()
    {
        var row = FindingKinds.Describe("from-a-newer-version");

        Assert.Equal("from-a-newer-version", row.Name);
        Assert.Equal("from-a-newer-version", row.Title);
        Assert.Equal(DigestSection.NotInDigest, row.Section);
        Assert.Equal(FindingKinds.Rows.Count, FindingKinds.Order("from-a-newer-version"));
    }

    [Fact]
    public void Row_WithoutATitle_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new FindingKind("x", " ", FindingSeverity.Info, DigestSection.NotInDigest));
}
