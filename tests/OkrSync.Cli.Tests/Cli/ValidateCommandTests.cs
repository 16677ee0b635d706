using OkrSync.Functions.Tests.Support;

namespace OkrSync.Functions.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task ValidFile_ExitsZeroAndSummarises()
    {
        var cli = new CliHarness();
        await cli.RunAsync("init", directory.Path);

        var exit = await new CliHarness().RunAsync("validate", Path.Combine(directory.Path, "strategy.yaml"));

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task InvalidFile_ExitsOneAndPrintsEveryErrorWithItsPosition()
    {
        var path = directory.File("bad.yaml", """
            name: x
            bets:
              - id: a
                title: A
                colour: red
                key-results:
                  - id: a
                    title: K
                    metric: { baseline: 5, target: 5 }
            """);
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:5:5: error unknown-key: unknown key 'colour' in a bet", cli.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:7:9: error duplicate-id:", cli.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:9:17: error invalid-metric:", cli.Error, StringComparison.Ordinal);
        Assert.Contains("3 errors", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_ArePrintedButDoNotFail()
    {
        var path = directory.File("draft.yaml", "name: x\nbets:\n  - id: a\n    title: A\n");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", path);

        Assert.Equal(0, exit);
        Assert.Contains($"{path}:3:5: warning bet-without-not-doing:", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"{path}:3:5: warning bet-without-position:", cli.Output, StringComparison.Ordinal);
        Assert.Contains("2 warnings", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ExitsOneAndSaysSo()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", Path.Combine(directory.Path, "nope.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("strategy file not found", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnclosedFlowSequenceInTheMiddleOfTheFile_IsOneLocatedSyntaxErrorWithoutAStackTrace()
    {
        var path = directory.File("strategy.yaml", FortyLineStrategy.WithUnclosedTitle);
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", path);

        Assert.Equal(1, exit);
        Assert.Equal(40, FortyLineStrategy.WithUnclosedTitle.Count(c => c == '\n'));
        Assert.StartsWith($"{path}:{FortyLineStrategy.UnclosedLine}:{FortyLineStrategy.UnclosedColumn}: error syntax: ", cli.Error, StringComparison.Ordinal);
        Assert.Contains("1 error", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverOneMebibyte_IsRefusedWithItsSize()
    {
        var path = Path.Combine(directory.Path, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:1:1: error too-large: the strategy is 52,428,800 bytes; the limit is 1 MiB", cli.Error, StringComparison.Ordinal);
    }
}
