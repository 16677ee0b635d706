using OkrSync.Core.Digest;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using static OkrSync.Core.Tests.Digest.DigestScenario;

namespace OkrSync.Core.Tests.Digest;

/// <summary>Every finding kind reaches the weekly e-mail where its row says, in both the HTML and the plain text.</summary>
public class FindingKindDigestTests
{
    private const string OrphanKey = "ORPH-7";

    /// <summary>One finding of every kind, each with a message no other part of the e-mail contains.</summary>
    private static List<FindingJson> OneOfEach() =>
        [.. FindingKinds.All.Select(kind => new FindingJson(kind, $"subject-of-{kind}", $"Message of kind {kind}.", null, null))];

    private static (string Html, string Text) Render(IReadOnlyList<FindingJson> findings)
    {
        var input = new DigestInput(Report(1, 20, findings), [Orphan(OrphanKey, 3)], []);
        var digest = WeeklyDigestBuilder.Build(input, Now);
        return (DigestHtmlRenderer.Render(digest), DigestTextRenderer.Render(digest));
    }

    public static TheoryData<string> Kinds => [.. FindingKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_AppearsInTheEmail_WhereItsRowSays(string kind)
    {
        var (html, text) = Render(OneOfEach());
        var row = FindingKinds.Describe(kind);
        var message = $"Message of kind {kind}.";

        switch (row.Section)
        {
            case DigestSection.NotInDigest:
                Assert.DoesNotContain(message, html, StringComparison.Ordinal);
                Assert.DoesNotContain(message, text, StringComparison.Ordinal);
                break;
            case DigestSection.OrphanList:
                // The e-mail lists the orphaned items themselves, not the findings' sentences.
                Assert.DoesNotContain(message, text, StringComparison.Ordinal);
                Assert.Contains(DigestFormat.OrphansTitle.ToUpperInvariant(), text, StringComparison.Ordinal);
                Assert.Contains(OrphanKey, html, StringComparison.Ordinal);
                Assert.Contains(OrphanKey, text, StringComparison.Ordinal);
                break;
            default:
                Assert.Contains(message, html, StringComparison.Ordinal);
                Assert.Contains(message, text, StringComparison.Ordinal);
                var title = SectionTitle(row.Section);
                Assert.True(text.IndexOf(title.ToUpperInvariant(), StringComparison.Ordinal) < text.IndexOf(message, StringComparison.Ordinal), $"{kind} is not under '{title}'");
                break;
        }
    }

    [Fact]
    public void EverySectionARowNames_IsRenderedByTheDigest()
    {
        var digest = WeeklyDigestBuilder.Build(new DigestInput(Report(0, 20, OneOfEach()), [], []), Now);
        var listed = digest.SyncProblems.Concat(digest.Contradictions).Concat(digest.OutputsWithoutOutcome).Concat(digest.NothingBehind).Concat(digest.StaleInitiatives)
            .Concat(digest.PositionNotMoving).Concat(digest.AllocationDrift).Concat(digest.Unmeasured)
            .Select(f => f.Kind).ToList();

        var expected = FindingKinds.Rows.Where(r => r.Section is not (DigestSection.NotInDigest or DigestSection.OrphanList)).Select(r => r.Name);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UnknownKind_DoesNotBreakTheEmail_AndIsLeftOut()
    {
        var (html, text) = Render([new FindingJson("from-a-newer-version", "x", "Message of an unknown kind.", null, null)]);

        Assert.DoesNotContain("Message of an unknown kind.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Message of an unknown kind.", text, StringComparison.Ordinal);
    }

    private static string SectionTitle(DigestSection section) => section switch
    {
        DigestSection.SyncProblems => DigestFormat.SyncProblemsTitle,
        DigestSection.Contradictions => DigestFormat.ContradictionsTitle,
        DigestSection.OutputsWithoutOutcome => DigestFormat.OutputsWithoutOutcomeTitle,
        DigestSection.NothingBehind => DigestFormat.NothingBehindTitle,
        DigestSection.StaleInitiatives => DigestFormat.StaleInitiativesTitle,
        DigestSection.PositionNotMoving => DigestFormat.PositionNotMovingTitle,
        DigestSection.Investment => DigestFormat.AllocationDriftTitle,
        DigestSection.Unmeasured => DigestFormat.UnmeasuredTitle,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a findings section"),
    };
}
