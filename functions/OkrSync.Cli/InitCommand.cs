using System.CommandLine;
using OkrSync.Cli.Demo;
using Spectre.Console;

namespace OkrSync.Cli;

/// <summary><c>okrsync init DIR</c>: writes the sample workspace (commented strategy file and exports) as a starting point.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR") { Description = "Directory to write the workspace into (created if missing)." };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var command = new Command("init", "Write a sample workspace: a commented strategy file and GitHub/Jira exports.") { directory, force };
        command.SetAction(parse =>
        {
            var target = parse.GetRequiredValue(directory);
            try
            {
                var written = DemoWorkspace.WriteTo(target, context.Clock.GetUtcNow(), parse.GetValue(force));
                foreach (var path in written)
                {
                    context.Out.WriteLine($"wrote {path}");
                }
                var strategy = written[0];
                context.Out.WriteLine();
                context.Out.WriteLine("Next:");
                context.Out.WriteLine($"  okrsync validate {strategy}");
                context.Out.WriteLine($"  okrsync report --strategy {strategy} --source github-export:{written[1]} --source jira-export:{written[2]}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return context.Fail(e.Message);
            }
        });
        return command;
    }
}
