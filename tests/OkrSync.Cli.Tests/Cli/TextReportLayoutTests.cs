using System.Text.Json;
using OkrSync.Cli.Rendering;
using OkrSync.Core.Reports;
using OkrSync.Functions.Tests.Support;
using Spectre.Console;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>
/// The text report on the demo company at 80 and 120 columns and redirected: no line is wider than the terminal,
/// flagged nodes carry their mark, each bet shows what it is not doing, and redirected output keeps every line whole.
/// </summary>
public sealed class TextReportLayoutTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private async Task<ReportDocument> DemoReportAsync()
    {
        var cli = new CliHarness(workingDirectory: directory.Path);
        Assert.Equal(0, await cli.RunAsync("demo", "--format", "json", "--store", $"sqlite:{Path.Combine(directory.Path, "demo.db")}"));
        return JsonSerializer.Deserialize(cli.Output, ReportJsonContext.Default.ReportDocument)!;
    }

    private static string[] OnTerminal(ReportDocument report, int width)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = width;
        TextReportWriter.Write(console, report);
        return output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task TextReport_OnATerminal_NoLineExceedsTheWidthAndFlaggedKeyResultsAreMarked(int width)
    {
        var lines = OnTerminal(await DemoReportAsync(), width);

        Assert.All(lines, line => Assert.True(TextLine.CellsOf(line) <= width, $"{TextLine.CellsOf(line)} cells > {width}: {line}"));
        Assert.Contains(lines, l => l.Contains("KR time-to-value", StringComparison.Ordinal) && l.EndsWith("⚠ done but flat", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("◆ partners", StringComparison.Ordinal) && l.Contains("⚠ position flat", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("◆ partners", StringComparison.Ordinal) && l.Contains("○ idle", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("◆ self-serve", StringComparison.Ordinal) && l.Contains("✖ contradicts", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("edge-cdn", StringComparison.Ordinal) && l.Contains("○ stale", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("KR activation", StringComparison.Ordinal) && l.Contains('⚠', StringComparison.Ordinal));
    }

    [Fact]
    public async Task TextReport_At80Columns_ShortensTitlesInsteadOfWrapping()
    {
        var lines = OnTerminal(await DemoReportAsync(), 80);

        var keyResult = Assert.Single(lines, l => l.Contains("KR time-to-value", StringComparison.Ordinal));
        Assert.Contains("…", keyResult, StringComparison.Ordinal);
        // The line after the key result is its bars, not the rest of a wrapped title.
        var next = lines[Array.IndexOf(lines, keyResult) + 1];
        Assert.Contains("output  ", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextReport_ShowsEachBetsNotDoingList_WithWhatContradictsIt()
    {
        var lines = OnTerminal(await DemoReportAsync(), 120);

        Assert.Contains(lines, l => l.Contains("✗ Direct sales in DACH [dach-sales]", StringComparison.Ordinal) && l.Contains("✖ contradicted by 1 item", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("✗ White-glove onboarding for small accounts", StringComparison.Ordinal) && !l.Contains('✖', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("✗ Taking payments for partner apps", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => l.TrimStart('│', ' ').StartsWith("not doing:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TextReport_Redirected_WritesEveryLineWholeAndUnstyled()
    {
        var report = await DemoReportAsync();
        var plain = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        console.Profile.Width = 80;

        TextReportWriter.WriteUnwrapped(console, plain, report);

        var lines = plain.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.DoesNotContain(lines, l => l.Contains('…', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("KR time-to-value  Median time to first dashboard from 72h to 24h  ⚠ done but flat", StringComparison.Ordinal));
        foreach (var finding in report.Findings.Where(f => f.Kind != "orphaned-work"))
        {
            Assert.Contains(lines, l => l.EndsWith($"{finding.Subject}: {finding.Message}", StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.Length > 160);
    }

    [Fact]
    public async Task TextReport_PipedFromTheProcess_IsNotHardWrapped()
    {
        var workspace = directory.Path;
        var demo = await OkrsyncRun.RunAsync(["demo"], workspace);
        Assert.True(demo.ExitCode == 0, demo.ToString());

        var report = await OkrsyncRun.RunAsync(["report"], workspace);

        Assert.True(report.ExitCode == 0, report.ToString());
        var lines = report.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("time-to-value: Key result 'Median time to first dashboard from 72h to 24h' has 91% of its work done", StringComparison.Ordinal) && l.Contains("target 24h).", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Length > 160);
        Assert.DoesNotContain("\u001b[", report.Output, StringComparison.Ordinal);
    }
}
