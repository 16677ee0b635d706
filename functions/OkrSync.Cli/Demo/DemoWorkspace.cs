namespace OkrSync.Cli.Demo;

/// <summary>
/// The sample workspace behind <c>okrsync demo</c> and <c>okrsync init</c>: a commented strategy file and GitHub
/// and Jira exports for a believable company, dated relative to <c>now</c> so the demo never goes stale.
/// </summary>
internal static class DemoWorkspace
{
    public const string StrategyFile = "strategy.yaml";
    public const string GitHubFile = "github-issues.json";
    public const string JiraFile = "jira-issues.json";

    public static string StrategyYaml()
    {
        using var stream = typeof(DemoWorkspace).Assembly.GetManifestResourceStream("OkrSync.Cli.Demo.strategy.yaml")
            ?? throw new InvalidOperationException("The demo strategy is not embedded in this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the workspace into <paramref name="directory"/>; refuses to overwrite existing files.</summary>
    public static IReadOnlyList<string> WriteTo(string directory, DateTimeOffset now, bool overwrite = false)
    {
        Directory.CreateDirectory(directory);
        var paths = new[] { StrategyFile, GitHubFile, JiraFile }.Select(f => Path.Combine(directory, f)).ToArray();
        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count > 0 && !overwrite)
        {
            throw new IOException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; nothing was written. Choose an empty folder, or add --force to overwrite {(existing.Count == 1 ? "it" : "them")}.");
        }
        var items = DemoCatalog.Build();
        File.WriteAllText(paths[0], StrategyYaml());
        using (var github = File.Create(paths[1]))
        {
            DemoExportWriter.WriteGitHub(github, items, now);
        }
        using (var jira = File.Create(paths[2]))
        {
            DemoExportWriter.WriteJira(jira, items, now);
        }
        return paths;
    }
}
