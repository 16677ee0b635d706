using System.CommandLine;
using OkrSync.Web.Hosting;

namespace OkrSync.Cli;

/// <summary>
/// <c>okrsync serve [--urls URL]</c>: the app locally, with its own timers and queue pump.
/// </summary>
internal static class HostCommands
{
    public static Command Serve()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen (default {AppHost.DefaultServeUrl}); several separated by ';'.",
        };
        var command = new Command("serve", "Run the app locally: webhooks, read API, timers and queue pump.") { urls };
        command.SetAction((parse, cancellationToken) =>
        {
            var value = parse.GetValue(urls);
            return RunAsync(AppMode.Serve, value is null ? [] : ["--urls", value], cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(AppMode mode, string[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await AppHost.RunAsync(mode, args, cancellationToken);
        }
        catch (AppHostException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
