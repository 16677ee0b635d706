namespace OkrSync.Pipeline.StrategySources;

/// <summary>
/// Reads the strategy file from git, conditionally: with the ETag of the last read, an unchanged file answers
/// <see cref="StrategySourceRead.NotModified"/> (a 304, free of rate-limit charge). Never throws for a source that
/// cannot be read: the failure is a value that says why. Adapter: OkrSync.Trackers/GitHub (GitHubStrategyReader).
/// </summary>
public interface IStrategySourceReader
{
    Task<StrategySourceRead> ReadAsync(GitStrategyLocation location, string? etag, CancellationToken cancellationToken = default);
}

/// <summary>What a read gave: unchanged, a version (its text, the commit it was read at, its ETag), or why there is none.</summary>
public sealed record StrategySourceRead(bool Unchanged, string? Text, string? Commit, string? ETag, string? Failure)
{
    public static StrategySourceRead NotModified { get; } = new(true, null, null, null, null);

    public static StrategySourceRead Version(string text, string commit, string? etag) => new(false, text, commit, etag, null);

    public static StrategySourceRead Failed(string reason) => new(false, null, null, null, reason);
}
