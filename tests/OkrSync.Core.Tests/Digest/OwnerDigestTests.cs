using OkrSync.Core.Digest;
using static OkrSync.Core.Tests.Digest.DigestScenario;

namespace OkrSync.Core.Tests.Digest;

public class OwnerDigestTests
{
    private static readonly DigestInput Company = Input(
    [
        Orphan("ONB-4", 40, "mara.k", "mara.k@acme.example"),
        Orphan("acme/web#7", 20, "dev.osei"),
        Orphan("BILL-12", 10, "li.wen", "li.wen@acme.example"),
    ]);

    [Fact]
    public void BetOwner_GetsTheFindingsOfTheirBetOnly()
    {
        var digest = WeeklyDigestBuilder.BuildFor(Company, OwnerScope.Of(Company.Report, "CTO@acme.example"), Now);

        Assert.Equal(["uptime", "reliability"], digest.NothingBehind.Select(f => f.Subject));
        Assert.Equal(["multi-region"], digest.StaleInitiatives.Select(f => f.Subject));
        Assert.Empty(digest.Contradictions);
        Assert.Empty(digest.OutputsWithoutOutcome);
        Assert.Equal(0, digest.Orphans.Total);
        Assert.Equal("CTO@acme.example", digest.Owner);
    }

    [Fact]
    public void InitiativeOwner_GetsTheirInitiativeAndTheKeyResultItServes()
    {
        var digest = WeeklyDigestBuilder.BuildFor(Company, OwnerScope.Of(Company.Report, "onboarding-lead@acme.example"), Now);

        Assert.Equal(["activation"], digest.OutputsWithoutOutcome.Select(f => f.Subject));
        Assert.Empty(digest.Contradictions);
        Assert.Empty(digest.NothingBehind);
        Assert.Empty(digest.StaleInitiatives);
    }

    [Fact]
    public void Assignee_GetsOnlyTheirOrphanedItems()
    {
        var digest = WeeklyDigestBuilder.BuildFor(Company, OwnerScope.Of(Company.Report, "li.wen@acme.example"), Now);

        var item = Assert.Single(digest.Orphans.Groups.SelectMany(g => g.Assignees).SelectMany(a => a.Items));
        Assert.Equal("BILL-12", item.Key);
        Assert.Equal(1, digest.AttentionCount);
    }

    [Fact]
    public void SomeoneWhoOwnsNothing_GetsAnEmptyDigest()
    {
        var digest = WeeklyDigestBuilder.BuildFor(Company, OwnerScope.Of(Company.Report, "nobody@acme.example"), Now);

        Assert.True(digest.IsEmpty);
    }

    [Fact]
    public void Addresses_ListBetAndInitiativeOwnersThenAssigneesOnce()
    {
        var addresses = OwnerScope.Addresses(Company);

        Assert.Equal(
            ["vp-growth@acme.example", "cto@acme.example", "onboarding-lead@acme.example", "sre-lead@acme.example", "mara.k@acme.example", "li.wen@acme.example"],
            addresses);
    }

    [Theory]
    [InlineData("a@b.example", true)]
    [InlineData("Platform team", false)]
    [InlineData("a@b@c", false)]
    [InlineData("@b.example", false)]
    [InlineData(null, false)]
    public void LooksLikeAddress_AcceptsOnlyASingleMailbox(string? text, bool expected) => Assert.Equal(expected, OwnerScope.LooksLikeAddress(text));
}
