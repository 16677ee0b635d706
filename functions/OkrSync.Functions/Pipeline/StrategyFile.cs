using OkrSync.Core.Strategy;

namespace OkrSync.Functions.Pipeline;

/// <summary>Reads a strategy file from disk; a missing or unreadable file is a diagnostic like any other.</summary>
public static class StrategyFile
{
    public static async Task<StrategyLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "strategy file not found" : $"cannot read the strategy file: {e.Message}";
            return new StrategyLoadResult(null, [new Diagnostic(DiagnosticSeverity.Error, "not-found", reason, new SourceLocation(path, 1, 1))]);
        }
        return StrategyLoader.Load(text, path);
    }
}
