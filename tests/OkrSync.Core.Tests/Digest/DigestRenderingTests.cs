using OkrSync.Core.Digest;
using static OkrSync.Core.Tests.Digest.DigestScenario;

namespace OkrSync.Core.Tests.Digest;

public class DigestRenderingTests
{
    [Fact]
    public void Subject_CarriesTheHeadlineNumberRateAndChange()
    {
        var orphans = Enumerable.Range(1, 5).Select(n => Orphan($"acme/web#{n}", n)).ToList();
        var digest = WeeklyDigestBuilder.Build(Input(orphans, [Snapshot("2026-W47", 2, 20)]), Now);

        var subject = DigestSubject.For(digest);

        Assert.Equal("OkrSync weekly: 5 orphaned items (25% of open work, ▲3 since last week) — Acme Cloud 2026 H2", subject);
    }

    [Fact]
    public void SubjectOfABetterWeek_ShowsTheDrop()
    {
        var digest = WeeklyDigestBuilder.Build(Input([Orphan("acme/web#1", 1)], [Snapshot("2026-W47", 4, 20)]), Now);

        Assert.Contains("1 orphaned item (5% of open work, ▼3 since last week)", DigestSubject.For(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void OwnerSubject_CountsTheirPart()
    {
        var input = Input([Orphan("ONB-4", 40, "mara.k", "mara.k@acme.example")]);
        var digest = WeeklyDigestBuilder.BuildFor(input, OwnerScope.Of(input.Report, "cto@acme.example"), Now);

        Assert.Equal("OkrSync weekly, your part: 3 findings — Acme Cloud 2026 H2", DigestSubject.For(digest));
    }

    [Fact]
    public void Text_ListsItemsWithLinksAndTheRestCounted()
    {
        var orphans = Enumerable.Range(1, 4).Select(n => Orphan($"acme/web#{n}", n * 3, "ann")).ToList();
        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now, new DigestOptions { OrphanCap = 2, ReportUrl = "https://okrsync.acme.example/orphans" });

        var text = DigestTextRenderer.Render(digest);

        Assert.Contains("acme/web#4  Work on acme/web#4  (todo, 12 days old)", text, StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme/web/issues/4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("acme/web#1 ", text, StringComparison.Ordinal);
        Assert.Contains("And 2 more orphaned items: https://okrsync.acme.example/orphans", text, StringComparison.Ordinal);
        Assert.Contains("WORK THAT CONTRADICTS A \"NOT DOING\" (1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsSelfContainedAndEscapesTrackerText()
    {
        var hostile = Orphan("acme/web#1", 3) with { Title = "<script>alert(1)</script> & more", Url = "javascript:alert(1)" };
        var digest = WeeklyDigestBuilder.Build(Input([hostile, Orphan("acme/web#2", 5)]), Now);

        var html = DigestHtmlRenderer.Render(digest);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/acme/web/issues/2\"", html, StringComparison.Ordinal);
        Assert.Contains("max-width:640px", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDigest_SaysNothingNeedsAttention()
    {
        var input = new DigestInput(Report(0, 20, []), [], []);

        var digest = WeeklyDigestBuilder.Build(input, Now);

        Assert.Contains("Nothing needs attention this week", DigestTextRenderer.Render(digest), StringComparison.Ordinal);
        Assert.Contains("Nothing needs attention this week", DigestHtmlRenderer.Render(digest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme/web", "https://github.com/acme/web/issues/12", "https://github.com/acme/web/issues?q=is%3Aissue%20is%3Aopen%20sort%3Acreated-asc")]
    [InlineData("ONB", "https://jira.acme.example/jira/browse/ONB-3", "https://jira.acme.example/jira/issues/?jql=project%20%3D%20%22ONB%22%20AND%20statusCategory%20%21%3D%20Done%20ORDER%20BY%20created%20ASC")]
    [InlineData("acme/web", "", null)]
    [InlineData("acme/web", "https://example.com/other", null)]
    public void TrackerSearch_IsDerivedFromAnItemUrl(string container, string url, string? expected) =>
        Assert.Equal(expected, TrackerLinks.OpenWorkSearch(container, url));
}
