namespace OkrSync.Pipeline;

/// <summary>Where the strategy file is (<c>OkrSync:StrategyPath</c>); relative paths resolve against the app folder.</summary>
public sealed class StrategyOptions
{
    public const string DefaultPath = "strategy.yaml";

    /// <summary>Path of the strategy YAML file. Default <c>strategy.yaml</c>.</summary>
    public string StrategyPath { get; set; } = DefaultPath;

    public string ResolvedPath(string appFolder) =>
        Path.IsPathRooted(StrategyPath) ? StrategyPath : Path.GetFullPath(Path.Combine(appFolder, StrategyPath));
}
