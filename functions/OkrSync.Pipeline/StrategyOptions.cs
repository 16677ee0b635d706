using OkrSync.Pipeline.StrategySources;

namespace OkrSync.Pipeline;

/// <summary>
/// Where the strategy comes from: <c>OkrSync:StrategySource</c>, either <c>github:OWNER/REPO/PATH@REF</c> (read through
/// the GitHub contents API) or a local path; when it is not set, <c>OkrSync:StrategyPath</c> (a local path). Relative
/// paths resolve against the app folder.
/// </summary>
public sealed class StrategyOptions
{
    public const string Section = "OkrSync";
    public const string Setting = Section + ":StrategyPath";
    public const string SourceSetting = Section + ":StrategySource";
    public const string DefaultPath = "strategy.yaml";

    /// <summary>Path of the strategy YAML file. Default <c>strategy.yaml</c>.</summary>
    public string StrategyPath { get; set; } = DefaultPath;

    /// <summary><c>github:OWNER/REPO/PATH@REF</c> or a local path; takes precedence over <see cref="StrategyPath"/>.</summary>
    public string? StrategySource { get; set; }

    /// <summary>The git location when <see cref="StrategySource"/> is <c>github:…</c> (and well formed); else null.</summary>
    public GitStrategyLocation? Git =>
        GitStrategyLocation.IsGit(StrategySource) ? GitStrategyLocation.TryParse(StrategySource!, out _) : null;

    /// <summary>The file's full path; a blank setting means the default.</summary>
    public string ResolvedPath(string appFolder)
    {
        var path = !string.IsNullOrWhiteSpace(StrategySource) && !GitStrategyLocation.IsGit(StrategySource) ? StrategySource.Trim()
            : string.IsNullOrWhiteSpace(StrategyPath) ? DefaultPath : StrategyPath;
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(appFolder, path));
    }

    /// <summary>Why <c>OkrSync:StrategySource</c> cannot be used, naming the setting; null when it can.</summary>
    public string? Problem()
    {
        if (!GitStrategyLocation.IsGit(StrategySource))
        {
            return null;
        }
        GitStrategyLocation.TryParse(StrategySource!, out var problem);
        return problem is null ? null : $"{SourceSetting}: {problem}";
    }
}
