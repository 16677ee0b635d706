using Microsoft.Extensions.Options;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

namespace OkrSync.Web.Hosting;

/// <summary>
/// What <c>okrsync serve</c> says at start, once each, about a piece that is missing: the strategy file, the sources the
/// timers sync, the webhook secrets. (Listening beyond loopback without <c>OkrSync:Api:Key</c> does not start at all:
/// <see cref="ServeAccess"/>.) A missing piece does not stop the start: the app answers what it can, and says why not.
/// </summary>
internal static partial class ServeStartupWarnings
{
    public static void Log(ILogger logger, IConfiguration configuration, StrategyProvider strategy, WebhookTrust webhooks)
    {
        try
        {
            if (strategy.Git is null && !File.Exists(strategy.Path))
            {
                LogNoStrategy(logger, strategy.Path);
            }
        }
        catch (OptionsValidationException)
        {
            // A malformed OkrSync:StrategySource: the start stops with the setting's message (ValidateOnStart).
        }
        if (configuration.List(GitHubOptions.RepositoriesSetting).Count == 0 && configuration.List(JiraOptions.ProjectsSetting).Count == 0)
        {
            LogNoSources(logger, GitHubOptions.RepositoriesSetting, JiraOptions.ProjectsSetting);
        }
        webhooks.LogStartup();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No strategy: {Path} does not exist, so the read API answers 503 and nothing is aligned until it does (set OkrSync:StrategyPath, or run 'okrsync init .' for a sample)")]
    private static partial void LogNoStrategy(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sources: neither {GitHubSetting} nor {JiraSetting} is set, so the scheduled sync reads nothing; only webhooks add work")]
    private static partial void LogNoSources(ILogger logger, string gitHubSetting, string jiraSetting);
}
