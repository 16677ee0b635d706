using System.CommandLine;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary>The <c>okrsync</c> command line: validate, report, demo, init, and the web host (serve, handler).</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context) => new("OkrSync: keep the thread between strategy and the work visible.")
    {
        ValidateCommand.Create(context),
        ReportCommand.Create(context),
        DemoCommand.Create(context),
        InitCommand.Create(context),
        SyncCommand.Create(context),
        HistoryCommand.Create(context),
        CheckInCommand.Create(context),
        HostCommands.Serve(),
    };

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        Build(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Out.Profile.Out.Writer, Error = context.Error }, cancellationToken);

    /// <summary>The process's own context: the terminal, the system clock, appsettings.json and OKRSYNC-style environment variables.</summary>
    public static CliContext ForProcess()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160; // piped output: do not wrap the tree at 80 columns
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new CliContext(console, Console.Error, TimeProvider.System, configuration) { RawOut = Console.Out };
    }
}
