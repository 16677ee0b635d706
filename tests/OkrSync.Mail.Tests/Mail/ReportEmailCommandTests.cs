using Microsoft.Extensions.Configuration;
using MimeKit;
using OkrSync.Cli;
using Spectre.Console;

namespace OkrSync.Functions.Tests.Mail;

/// <summary><c>okrsync report email</c> against the real SQLite store, in outbox mode.</summary>
public sealed class ReportEmailCommandTests : IDisposable
{
    private readonly MailWorld world = MailWorld.CreateAsync().GetAwaiter().GetResult();
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    private string Outbox => Path.Combine(world.Folder, "outbox");

    [Fact]
    public async Task DryRun_PrintsSubjectRecipientsAndTextAndSendsAndRecordsNothing()
    {
        var exit = await RunAsync("report", "email", "--dry-run", "--store", $"sqlite:{world.StorePath}");

        Assert.Equal(ExitCodes.Ok, exit);
        var text = output.ToString();
        Assert.Contains("To: ceo@acme.example\n", text, StringComparison.Ordinal);
        Assert.Contains($"Subject: OkrSync weekly: {world.Report.Summary.OpenOrphaned} orphaned items (", text, StringComparison.Ordinal);
        Assert.Contains("ORPHANED WORK", text, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was sent or recorded.", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Outbox));
        Assert.Equal(ExitCodes.Ok, await RunAsync("report", "email", "--store", $"sqlite:{world.StorePath}"));
        Assert.Single(Directory.GetFiles(Outbox));
    }

    [Fact]
    public async Task To_OverridesRecipientsAndStillSendsOnceAWeek()
    {
        var first = await RunAsync("report", "email", "--to", "board@acme.example", "--store", $"sqlite:{world.StorePath}");
        var second = await RunAsync("report", "email", "--to", "board@acme.example", "--store", $"sqlite:{world.StorePath}");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first, second));
        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.EndsWith("2026-W48-board-at-acme.example.eml", file, StringComparison.Ordinal);
        Assert.Equal("board@acme.example", (await MimeMessage.LoadAsync(file)).To.Mailboxes.Single().Address);
        Assert.Contains("skipped board@acme.example: already sent for 2026-W48", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyStore_FailsWithAHint()
    {
        var exit = await RunAsync("report", "email", "--dry-run", "--store", $"sqlite:{Path.Combine(world.Folder, "empty.db")}");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("no report is stored yet", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedSend_ExitsNonZeroAndSaysSo()
    {
        var exit = await RunAsync(
            new Dictionary<string, string?> { ["OkrSync:Mail:Host"] = "127.0.0.1", ["OkrSync:Mail:Port"] = $"{Testing.Emulators.FreePorts.Take(1)[0]}", ["OkrSync:Mail:Security"] = "None" },
            "report", "email", "--store", $"sqlite:{world.StorePath}");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("sending to ceo@acme.example failed, not marked sent", errors.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        world.Dispose();
        output.Dispose();
        errors.Dispose();
    }

    private Task<int> RunAsync(params string[] args) => RunAsync([], args);

    private Task<int> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        settings.TryAdd("OkrSync:Mail:OutboxPath", Outbox);
        settings.TryAdd("OkrSync:Mail:Leadership:0", "ceo@acme.example");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        return CliApp.RunAsync(args, new CliContext(console, errors, world.Clock, configuration) { RawOut = output });
    }
}
