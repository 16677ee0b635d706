using Microsoft.Extensions.Options;
using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline.Metrics;
using OkrSync.Pipeline.StrategySources;

namespace OkrSync.Pipeline;

/// <summary>
/// The strategy the app serves. From a local file (<c>OkrSync:StrategySource</c> or <c>OkrSync:StrategyPath</c>, relative
/// to the app folder): loaded once and reloaded when the file changes. From git (<c>OkrSync:StrategySource</c> =
/// <c>github:OWNER/REPO/PATH@REF</c>): read on the first use and then by <see cref="RefreshAsync"/> (each scheduled
/// sync, and a <c>push</c> webhook that touches the file), conditionally, so an unchanged file costs a 304. A new git
/// version that fails validation is not used: the last good one stays and a <c>strategy-invalid</c> finding names the
/// commit and the located errors (cleared by the next good version). With nothing good to serve, a missing, unreadable
/// or invalid strategy is a <see cref="StrategyUnavailableException"/> that says why.
/// </summary>
public sealed partial class StrategyProvider(
    IOptions<StrategyOptions> options,
    AppFolder appFolder,
    IStrategySourceReader? reader = null,
    ICursorStore? cursors = null,
    TimeProvider? clock = null,
    ILogger<StrategyProvider>? logger = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    // One reference, read and written atomically: a reader sees a whole (time, index) pair, never half of one.
    private Cached? cached;
    // Git: the ETag of the last version read (good or rejected), so that an unchanged file is a 304.
    private string? etag;
    private string? gitFailure;

    // Read at first use, not at construction: a malformed setting then stops the start (ValidateOnStart) with its message.
    private readonly Lazy<(GitStrategyLocation? Git, string Path)> source = new(() =>
        (options.Value.Git, options.Value.Git?.ToString() ?? options.Value.ResolvedPath(appFolder.Path)));

    /// <summary>The git location, or null for a local file.</summary>
    public GitStrategyLocation? Git => source.Value.Git;

    /// <summary>The local file's full path, or the git source (<c>github:OWNER/REPO/PATH@REF</c>).</summary>
    public string Path => source.Value.Path;

    public async Task<StrategyIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Git is not null)
        {
            if (Volatile.Read(ref cached) is { } good)
            {
                return good.Index;
            }
            await RefreshAsync(cancellationToken);
            return Volatile.Read(ref cached)?.Index
                ?? throw new StrategyUnavailableException($"the strategy source {Path} cannot be used: {gitFailure ?? "it has not been read"}");
        }
        var writtenAt = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : DateTime.MinValue;
        if (Volatile.Read(ref cached) is { } hit && hit.WrittenAt == writtenAt)
        {
            return hit.Index;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref cached) is { } again && again.WrittenAt == writtenAt)
            {
                return again.Index;
            }
            var loaded = await StrategyFile.LoadAsync(Path, cancellationToken);
            if (loaded.Strategy is not { } strategy)
            {
                throw new StrategyUnavailableException(Path, [.. loaded.Errors.Select(e => e.ToString())]);
            }
            var index = new StrategyIndex(strategy);
            Volatile.Write(ref cached, new Cached(writtenAt, index));
            return index;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Rereads a git strategy (a no-op for a local file, which <see cref="GetAsync"/> watches): returns what happened,
    /// one line for the run's log. Never throws for a source that cannot be read or a version that is invalid.
    /// </summary>
    public async Task<StrategyRefresh> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (Git is not { } git)
        {
            return new StrategyRefresh(false, null);
        }
        if (reader is null)
        {
            throw new InvalidOperationException($"{StrategyOptions.SourceSetting} is {git}, but no git reader is registered");
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            var read = await reader.ReadAsync(git, etag, cancellationToken);
            if (read.Unchanged)
            {
                return new StrategyRefresh(false, $"strategy: {git} unchanged");
            }
            if (read.Failure is { } failure)
            {
                gitFailure = failure;
                if (logger is not null)
                {
                    LogReadFailed(logger, git.ToString(), failure);
                }
                return new StrategyRefresh(false, $"strategy: {git} could not be read ({failure}); {(cached is null ? "no strategy yet" : "the last good version stays")}");
            }
            var commit = read.Commit ?? "";
            var loaded = StrategyLoader.Load(read.Text ?? "", git.Path);
            etag = read.ETag;
            if (loaded.Strategy is not { } strategy)
            {
                var errors = loaded.Errors.Select(e => e.ToString()).ToList();
                gitFailure = $"the version at commit {commit} is invalid: {string.Join("; ", errors)}";
                var kept = Volatile.Read(ref cached)?.Index.Strategy.Commit;
                var finding = new FindingJson(
                    FindingKinds.StrategyInvalid,
                    git.ToString(),
                    $"The strategy at commit {commit} ({git}) failed validation and is not used; "
                    + (kept is null ? "there is no earlier good version. " : $"the last good version (commit {kept}) stays. ")
                    + string.Join("; ", errors),
                    null,
                    null);
                await WriteFindingAsync(finding, cancellationToken);
                if (logger is not null)
                {
                    LogRejected(logger, commit, git.ToString(), string.Join("; ", errors));
                }
                return new StrategyRefresh(false, $"strategy: {FindingKinds.StrategyInvalid}: commit {commit} rejected ({errors.Count} errors); {(kept is null ? "no strategy yet" : $"commit {kept} stays")}");
            }
            gitFailure = null;
            Volatile.Write(ref cached, new Cached(DateTime.MinValue, new StrategyIndex(strategy with { Commit = commit })));
            await WriteFindingAsync(null, cancellationToken);
            if (logger is not null)
            {
                LogLoaded(logger, git.ToString(), commit);
            }
            return new StrategyRefresh(true, $"strategy: {git} loaded at commit {commit}");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WriteFindingAsync(FindingJson? finding, CancellationToken cancellationToken)
    {
        if (cursors is not null)
        {
            await StatusFindings.WriteStrategyInvalidAsync(cursors, finding, (clock ?? TimeProvider.System).GetUtcNow(), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {Source} loaded at commit {Commit}")]
    private static partial void LogLoaded(ILogger logger, string source, string commit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {Source} could not be read: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy at commit {Commit} ({Source}) rejected, the last good version stays: {Errors}")]
    private static partial void LogRejected(ILogger logger, string commit, string source, string errors);

    private sealed record Cached(DateTime WrittenAt, StrategyIndex Index);
}

/// <summary>What <see cref="StrategyProvider.RefreshAsync"/> did: whether a new version is now served, and a log line (null for a local file).</summary>
public sealed record StrategyRefresh(bool Changed, string? Line);

/// <summary>The strategy file is missing or invalid; nothing can be aligned until it is fixed.</summary>
public sealed class StrategyUnavailableException : Exception
{
    public StrategyUnavailableException(string path, IReadOnlyList<string> errors)
        : base($"the strategy file {path} is missing or invalid: {string.Join("; ", errors)}")
    {
        Errors = errors;
    }

    public StrategyUnavailableException()
    {
        Errors = [];
    }

    public StrategyUnavailableException(string message)
        : base(message)
    {
        Errors = [];
    }

    public StrategyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<string> Errors { get; }
}
