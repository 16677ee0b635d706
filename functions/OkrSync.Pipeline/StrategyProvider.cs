using Microsoft.Extensions.Options;
using OkrSync.Core.Alignment;

namespace OkrSync.Pipeline;

/// <summary>
/// The strategy the app serves (<c>OkrSync:StrategyPath</c>, relative to the app folder), loaded once and reloaded
/// when the file changes. A missing or invalid file is a <see cref="StrategyUnavailableException"/>.
/// </summary>
public sealed class StrategyProvider(IOptions<StrategyOptions> options, AppFolder appFolder)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    // One reference, read and written atomically: a reader sees a whole (time, index) pair, never half of one.
    private Cached? cached;

    public string Path { get; } = options.Value.ResolvedPath(appFolder.Path);

    public async Task<StrategyIndex> GetAsync(CancellationToken cancellationToken = default)
    {
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

    private sealed record Cached(DateTime WrittenAt, StrategyIndex Index);
}

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
