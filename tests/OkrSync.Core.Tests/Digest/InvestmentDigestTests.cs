using OkrSync.Core.Digest;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using static OkrSync.Core.Tests.Digest.DigestScenario;

namespace OkrSync.Core.Tests.Digest;

/// <summary>The weekly e-mail's short investment section, and the two findings about bets as a whole.</summary>
public class InvestmentDigestTests
{
    private static ReportDocument WithInvestment()
    {
        var report = Report(findings:
        [
            .. DigestScenario.Findings(),
            new(FindingKinds.GreenKeyResultsFlatPosition, "reliability", "Bet 'Reliability' has 1 of 1 key results with a metric green but its position has moved only 3% of the way.", "reliability", null),
            new(FindingKinds.AllocationDrift, "reliability", "Bet 'Reliability' was to get 20% of delivery; it got 4% over the 28 days to 2026-11-23 (12 of 310 points).", "reliability", null),
        ]);
        var investment = new InvestmentJson(
            28, Now.AddDays(-28), Now, "points", 310, 120, 120,
            new Dictionary<string, AllocationJson> { ["self-serve"] = new(0.4, 0.5161, 160), ["reliability"] = new(0.2, 0.0387, 12) },
            new AllocationJson(0.25, 0.3226, 100), new AllocationJson(null, 0.1226, 38), new AllocationJson(null, 0, 0), [], []);
        return report with { Investment = investment };
    }

    [Fact]
    public void Text_HasTheInvestmentSection_WithDeclaredAndActualShares_AndTheNewFindings()
    {
        var digest = WeeklyDigestBuilder.Build(new DigestInput(WithInvestment(), [], []), Now);

        var text = DigestTextRenderer.Render(digest);

        Assert.Contains("INVESTMENT\n", text, StringComparison.Ordinal);
        Assert.Contains("over the 28 days to 2026-11-23 (310 points", text, StringComparison.Ordinal);
        Assert.Contains("  reliability: 4% (declared 20%), 12 points", text, StringComparison.Ordinal);
        Assert.Contains("  operational: 32% (declared 25%), 100 points", text, StringComparison.Ordinal);
        Assert.Contains("  orphaned: 12%, 38 points", text, StringComparison.Ordinal);
        Assert.Contains(DigestFormat.PositionNotMovingTitle.ToUpperInvariant() + " (1)", text, StringComparison.Ordinal);
        Assert.Contains("it got 4% over the 28 days to 2026-11-23 (12 of 310 points)", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("INVESTMENT\n", StringComparison.Ordinal) < text.IndexOf(DigestFormat.AllocationDriftTitle.ToUpperInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public void Html_HasTheInvestmentSection()
    {
        var digest = WeeklyDigestBuilder.Build(new DigestInput(WithInvestment(), [], []), Now);

        var html = DigestHtmlRenderer.Render(digest);

        Assert.Contains(">Investment<", html, StringComparison.Ordinal);
        Assert.Contains("self-serve: 52% (declared 40%), 160 points", html, StringComparison.Ordinal);
        Assert.Contains("position has moved only 3% of the way", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnerOfTheBet_GetsBothFindingsInTheirPart()
    {
        var input = new DigestInput(WithInvestment(), [], []);

        var digest = WeeklyDigestBuilder.BuildFor(input, OwnerScope.Of(input.Report, "cto@acme.example"), Now);

        Assert.Single(digest.PositionNotMoving);
        Assert.Single(digest.AllocationDrift);
    }

    [Fact]
    public void ReportWithoutInvestment_HasNoInvestmentSection()
    {
        var text = DigestTextRenderer.Render(WeeklyDigestBuilder.Build(new DigestInput(Report(), [], []), Now));

        Assert.DoesNotContain("INVESTMENT", text, StringComparison.Ordinal);
    }
}
