using System.CommandLine;
using System.Globalization;

namespace OkrSync.Cli;

/// <summary>Options shared by several commands, defined once so they read the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<string> Strategy(bool required) => new("--strategy", "-s")
    {
        Description = "Path of the strategy YAML file.",
        Required = required,
    };

    public static Option<string[]> Sources() => new("--source")
    {
        Description = "Where work comes from; repeat for several: github-export:PATH, jira-export:PATH, github:OWNER/REPO, jira:PROJECT.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<DateTimeOffset?> AsOf() => new("--as-of")
    {
        Description = "The instant to report as of (a date means 00:00 UTC that day). Default: now.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }
            result.AddError($"--as-of: '{text}' is not a date or timestamp (e.g. 2026-11-22 or 2026-11-22T09:00:00Z)");
            return null;
        },
    };

    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json", "markdown");

    public static Option<bool> IncludePullRequests() => new("--include-pull-requests")
    {
        Description = "Count GitHub pull requests as work items (by default only issues count).",
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = "Where results are kept: sqlite:PATH or tables:CONNECTION-STRING. Default: OkrSync:Store from configuration, else sqlite:./.okrsync/okrsync.db.",
    };

    public static Option<string?> JiraStoryPointsField() => new("--jira-story-points-field")
    {
        Description = "Jira field holding story points (default: OkrSync:Jira:StoryPointsField; exports fall back to customfield_10016, live Jira discovers it).",
    };
}
