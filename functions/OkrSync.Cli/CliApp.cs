using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
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

    /// <summary>Runs the command line. A mistake in the arguments prints what is wrong and where help is, not the whole help.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        if (parse.Action is ParseErrorAction errors)
        {
            errors.ShowHelp = false;
        }
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out.Profile.Out.Writer, Error = context.Error }, cancellationToken);
        if (parse.Errors.Count > 0)
        {
            context.Error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        }
        return exit;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Insert(0, c is RootCommand ? "okrsync" : c.Name);
            }
        }
        return string.Join(' ', names);
    }

    /// <summary>The process's own context: the terminal, the system clock, appsettings.json and OKRSYNC-style environment variables.</summary>
    public static CliContext ForProcess()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var redirected = Console.IsOutputRedirected;
        if (redirected)
        {
            console.Profile.Width = 4096; // piped to a file or a program: lines are not wrapped (the report writes its own lines whole)
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new CliContext(console, Console.Error, TimeProvider.System, configuration) { RawOut = Console.Out, Redirected = redirected };
    }
}
