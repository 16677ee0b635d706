using System.CommandLine;
using OkrSync.Core.Alignment;
using OkrSync.Core.Work;
using OkrSync.Functions.Demo;
using OkrSync.Functions.Sources.Files;

namespace OkrSync.Functions.Cli;

/// <summary><c>okrsync demo</c>: the real pipeline on a built-in sample company, no credentials, offline.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var format = CliOptions.Format();
        var command = new Command("demo", "Run the whole pipeline on a built-in sample company (Acme Cloud).") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var now = context.Clock.GetUtcNow();
            var directory = Path.Combine(Path.GetTempPath(), $"okrsync-demo-{Guid.NewGuid():N}");
            try
            {
                DemoWorkspace.WriteTo(directory, now);
                var sources = new[]
                {
                    new FileExportSource(SourceKind.GitHub, Path.Combine(directory, DemoWorkspace.GitHubFile)),
                    new FileExportSource(SourceKind.Jira, Path.Combine(directory, DemoWorkspace.JiraFile), "customfield_10016"),
                };
                return await ReportCommand.RunAsync(context, Path.Combine(directory, DemoWorkspace.StrategyFile), sources, now, parse.GetValue(format) ?? "text", AlignmentOptions.Default, cancellationToken);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }
}
