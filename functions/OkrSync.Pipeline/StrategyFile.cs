using System.Text;
using OkrSync.Core.Strategy;

namespace OkrSync.Pipeline;

/// <summary>
/// Reads a strategy file from disk; a missing, unreadable or oversized file is a diagnostic like any other. The size
/// is checked before reading, and the read stops past <see cref="StrategyLoader.MaxBytes"/> (a file that grows, or a
/// device that reports no length).
/// </summary>
public static class StrategyFile
{
    public static async Task<StrategyLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            return Unreadable(path, "cannot read the strategy file: it is a folder");
        }
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > StrategyLoader.MaxBytes)
            {
                return StrategyLoader.TooLarge(length, path);
            }
            bytes = await ReadAtMostAsync(path, StrategyLoader.MaxBytes + 1, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Unreadable(path, e is FileNotFoundException or DirectoryNotFoundException ? "strategy file not found" : $"cannot read the strategy file: {e.Message}");
        }
        if (bytes.Length > StrategyLoader.MaxBytes)
        {
            return StrategyLoader.TooLarge(bytes.Length, path);
        }
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return StrategyLoader.Load(await reader.ReadToEndAsync(cancellationToken), path);
    }

    private static StrategyLoadResult Unreadable(string path, string reason) =>
        new(null, [new Diagnostic(DiagnosticSeverity.Error, "not-found", reason, new SourceLocation(path, 1, 1))]);

    private static async Task<byte[]> ReadAtMostAsync(string path, int limit, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var buffer = new byte[limit];
        var read = 0;
        while (read < limit && await stream.ReadAsync(buffer.AsMemory(read, limit - read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        return buffer[..read];
    }
}
