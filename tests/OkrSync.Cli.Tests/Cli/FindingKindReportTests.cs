using OkrSync.Cli.Rendering;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using Spectre.Console;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>Every finding kind shows in the text and the Markdown report under its row's title, in the rows' order.</summary>
public class FindingKindReportTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Kinds => [.. FindingKinds.All];

    private static ReportDocument Report(IReadOnlyList<FindingJson> findings) =>
        new("Acme", AsOf, new SummaryJson(0, 0, 0, 0, 0, 0, 0, 0), [], [], [], [], findings);

    /// <summary>One finding of every kind, newest kinds first so that the renderers have to sort.</summary>
    private static ReportDocument OneOfEach() =>
        Report([.. FindingKinds.All.Reverse().Select(kind => new FindingJson(kind, $"subject-of-{kind}", $"Message of kind {kind}.", null, null))]);

    private static string Text(ReportDocument report)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = 240;
        TextReportWriter.Write(console, report);
        return output.ToString();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_IsInTheTextReport_UnderItsTitle(string kind)
    {
        var row = FindingKinds.Describe(kind);

        var text = Text(OneOfEach());

        Assert.Contains($"{row.Title} · {kind} (1)", text, StringComparison.Ordinal);
        if (row.Section != DigestSection.OrphanList)
        {
            Assert.Contains($"subject-of-{kind}: Message of kind {kind}.", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_IsInTheMarkdownReport_UnderItsHeading(string kind)
    {
        var row = FindingKinds.Describe(kind);

        var markdown = MarkdownReportWriter.Write(OneOfEach());

        var heading = markdown.IndexOf($"### {row.Title} (1)", StringComparison.Ordinal);
        // Orphaned work is listed once, in the "Orphaned work" table (with ages), not again as findings.
        var item = row.Section == DigestSection.OrphanList
            ? markdown.IndexOf($"`{kind}`: listed under [Orphaned work](#orphaned-work) below.", StringComparison.Ordinal)
            : markdown.IndexOf($"- **{kind}** `subject-of-{kind}`: Message of kind {kind}.", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"no heading for {kind}");
        Assert.True(item > heading, $"{kind} is not under its heading");
    }

    [Fact]
    public void BothReports_ListKindsInTheOrderOfTheRows()
    {
        var report = OneOfEach();
        var text = Text(report);
        var markdown = MarkdownReportWriter.Write(report);

        var inText = FindingKinds.Rows.Select(r => text.IndexOf($"{r.Title} · {r.Name}", StringComparison.Ordinal)).ToList();
        var inMarkdown = FindingKinds.Rows.Select(r => markdown.IndexOf($"### {r.Title}", StringComparison.Ordinal)).ToList();

        Assert.Equal(inText.Order(), inText);
        Assert.Equal(inMarkdown.Order(), inMarkdown);
        Assert.DoesNotContain(-1, inText);
        Assert.DoesNotContain(-1, inMarkdown);
    }

    [Fact]
    public void UnknownKind_IsListedLast_UnderItsName()
    {
        var report = Report([
            new FindingJson("from-a-newer-version", "x", "Message of an unknown kind.", null, null),
            new FindingJson(FindingKinds.IdleBet, "partners", "Bet 'Partners' has no open work under it.", null, null),
        ]);

        var text = Text(report);
        var markdown = MarkdownReportWriter.Write(report);

        Assert.Contains("from-a-newer-version · from-a-newer-version (1)", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("idle-bet", StringComparison.Ordinal) < text.IndexOf("from-a-newer-version", StringComparison.Ordinal));
        Assert.Contains("### from-a-newer-version (1)", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("idle-bet", StringComparison.Ordinal) < markdown.IndexOf("from-a-newer-version", StringComparison.Ordinal));
    }
}
