namespace OkrSync.Pipeline;

/// <summary>Where the strategy file is (<c>OkrSync:StrategyPath</c>); relative paths resolve against the app folder.</summary>
public sealed class StrategyOptions
{
    public const string Section = "OkrSync";
    public const string Setting = Section + ":StrategyPath";
    public const string DefaultPath = "strategy.yaml";

    /// <summary>Path of the strategy YAML file. Default <c>strategy.yaml</c>.</summary>
    public string StrategyPath { get; set; } = DefaultPath;

    /// <summary>The file's full path; a blank setting means the default.</summary>
    public string ResolvedPath(string appFolder)
    {
        var path = string.IsNullOrWhiteSpace(StrategyPath) ? DefaultPath : StrategyPath;
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(appFolder, path));
    }
}
