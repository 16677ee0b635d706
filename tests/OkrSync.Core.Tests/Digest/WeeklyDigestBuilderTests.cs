using OkrSync.Core.Digest;
using OkrSync.Core.Reports;
using static OkrSync.Core.Tests.Digest.DigestScenario;

namespace OkrSync.Core.Tests.Digest;

public class WeeklyDigestBuilderTests
{
    [Fact]
    public void MoreOrphansThanTheCap_ListsTheOldestAndCountsTheRest()
    {
        var orphans = Enumerable.Range(1, 8).Select(n => Orphan($"acme/web#{n}", ageDays: n * 10)).ToList();

        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now, new DigestOptions { OrphanCap = 3 });

        var listed = digest.Orphans.Groups.SelectMany(g => g.Assignees).SelectMany(a => a.Items).Select(i => i.Key).ToList();
        Assert.Equal(["acme/web#8", "acme/web#7", "acme/web#6"], listed);
        Assert.Equal(8, digest.Orphans.Total);
        Assert.Equal(5, digest.Orphans.Hidden);
    }

    [Fact]
    public void OrphansOfSeveralTeams_AreGroupedByContainerThenAssigneeOldestFirst()
    {
        var orphans = new[]
        {
            Orphan("acme/web#1", 5, "zoe"), Orphan("acme/web#2", 50, "ann"), Orphan("acme/web#3", 30, null), Orphan("acme/web#4", 90, "ann"),
            Orphan("ONB-1", 10, "bob"),
        };

        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now);

        Assert.Equal(["acme/web", "ONB"], digest.Orphans.Groups.Select(g => g.Container));
        var web = digest.Orphans.Groups[0];
        Assert.Equal(["ann", "zoe", null], web.Assignees.Select(a => a.Assignee));
        Assert.Equal(["acme/web#4", "acme/web#2"], web.Assignees[0].Items.Select(i => i.Key));
        Assert.Equal(90, web.Assignees[0].Items[0].AgeDays);
    }

    [Fact]
    public void HiddenOrphansWithoutReportUrl_LinkToATrackerSearchOfExactlyThoseOrphans()
    {
        var orphans = new[] { Orphan("ONB-1", 10), Orphan("ONB-2", 20), Orphan("ONB-3", 30) };

        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now, new DigestOptions { OrphanCap = 1 });

        var group = Assert.Single(digest.Orphans.Groups);
        Assert.Equal(2, group.Hidden);
        var link = Assert.IsType<string>(group.MoreUrl);
        Assert.StartsWith("https://acme.atlassian.net/issues/?jql=", link, StringComparison.Ordinal);
        Assert.Equal("key in (ONB-1, ONB-2) ORDER BY created ASC", Uri.UnescapeDataString(link[(link.IndexOf("jql=", StringComparison.Ordinal) + 4)..]));
        Assert.Equal(group.MoreUrl, digest.Orphans.MoreUrl);
    }

    [Fact]
    public void HiddenGitHubOrphansWithoutReportUrl_DoNotLinkToAllOpenIssues()
    {
        var orphans = new[] { Orphan("acme/api#1", 10), Orphan("acme/api#2", 20), Orphan("acme/api#3", 30) };

        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now, new DigestOptions { OrphanCap = 1 });

        var group = Assert.Single(digest.Orphans.Groups);
        Assert.Equal(2, group.Hidden);
        Assert.Null(group.MoreUrl);
        Assert.Null(digest.Orphans.MoreUrl);
    }

    [Fact]
    public void HiddenOrphansWithReportUrl_LinkToTheReport()
    {
        var orphans = new[] { Orphan("ONB-1", 10), Orphan("acme/api#2", 20), Orphan("acme/api#3", 30) };

        var digest = WeeklyDigestBuilder.Build(Input(orphans), Now, new DigestOptions { OrphanCap = 1, ReportUrl = "https://okrsync.acme.example/orphans" });

        Assert.Equal("https://okrsync.acme.example/orphans", digest.Orphans.MoreUrl);
        Assert.All(digest.Orphans.Groups.Where(g => g.Hidden > 0), g => Assert.Equal("https://okrsync.acme.example/orphans", g.MoreUrl));
    }

    [Fact]
    public void SnapshotsOfEarlierWeeks_GiveTheChangeSinceTheLatestOfThem()
    {
        var orphans = Enumerable.Range(1, 6).Select(n => Orphan($"acme/web#{n}", n)).ToList();
        var history = new[] { Snapshot("2026-W46", 9, 20), Snapshot("2026-W47", 3, 20), Snapshot("2026-W48", 5, 20) };

        var digest = WeeklyDigestBuilder.Build(Input(orphans, history), Now);

        var change = digest.Headline.Change!;
        Assert.Equal("2026-W47", change.SinceWeek);
        Assert.Equal(3, change.OrphanedDelta);
        Assert.Equal(15.0, change.RatePointsDelta);
        Assert.Equal(["2026-W46", "2026-W47", "2026-W48"], digest.Trend.Select(p => p.IsoWeek));
        Assert.Equal(6, digest.Trend[^1].OpenOrphaned);
    }

    [Fact]
    public void NoEarlierSnapshot_HasNoChangeAndATrendOfOneWeek()
    {
        var digest = WeeklyDigestBuilder.Build(Input([Orphan("acme/web#1", 3)], [Snapshot("2026-W48", 1, 20)]), Now);

        Assert.Null(digest.Headline.Change);
        Assert.Single(digest.Trend);
    }

    [Fact]
    public void LeadershipDigest_SortsFindingsIntoTheirSections()
    {
        var digest = WeeklyDigestBuilder.Build(Input([Orphan("acme/web#7", 3)]), Now);

        Assert.Equal(["BILL-9"], digest.Contradictions.Select(f => f.Subject));
        Assert.Equal(["activation"], digest.OutputsWithoutOutcome.Select(f => f.Subject));
        Assert.Equal(["uptime", "reliability"], digest.NothingBehind.Select(f => f.Subject));
        Assert.Equal(["multi-region"], digest.StaleInitiatives.Select(f => f.Subject));
        Assert.Null(digest.Owner);
    }

    [Fact]
    public void ReconcileHeld_IsListedInTheLeadershipDigestAndNotInAnOwners()
    {
        var held = new FindingJson("reconcile-held", "github:acme/web", "The full listing of github:acme/web would remove 40 of its 40 stored items, above the limit of 20 percent, so nothing was removed.", null, null);
        var input = new DigestInput(Report(findings: [.. DigestScenario.Findings(), held]), [], []);

        var leadership = WeeklyDigestBuilder.Build(input, Now);
        var owner = WeeklyDigestBuilder.BuildFor(input, OwnerScope.Of(input.Report, "cto@acme.example"), Now);

        Assert.Contains(held.Message, DigestTextRenderer.Render(leadership), StringComparison.Ordinal);
        Assert.Contains(held.Message, DigestHtmlRenderer.Render(leadership), StringComparison.Ordinal);
        Assert.DoesNotContain(held.Message, DigestTextRenderer.Render(owner), StringComparison.Ordinal);
    }
}
