using System.Runtime.CompilerServices;
using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Trackers.Files;

/// <summary>
/// A GitHub or Jira export file as a work source: read whole on every run (the store skips unchanged items),
/// in pages, with no cursor.
/// </summary>
public sealed class FileExportSource : IWorkSource
{
    private const int PageSize = 500;
    private readonly string path;
    private readonly Func<JsonElement, WorkItem> map;

    /// <exception cref="ArgumentException"><paramref name="kind"/> is not in the <see cref="TrackerRegistry"/>.</exception>
    public FileExportSource(SourceKind kind, string path, string? storyPointsField = null)
    {
        map = TrackerRegistry.For(kind).ExportMapper(storyPointsField);
        this.path = path;
        Id = $"{kind.Value}-export:{path}";
    }

    public string Id { get; }

    public async IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = await ReadAllAsync(cancellationToken);
        for (var i = 0; i < items.Count; i += PageSize)
        {
            yield return new WorkPage(items.GetRange(i, Math.Min(PageSize, items.Count - i)), null);
        }
    }

    /// <exception cref="SourceFormatException">The file is missing or malformed; the message says where and why.</exception>
    public async Task<List<WorkItem>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceFormatException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
        return JsonExportReader.Read(bytes, path, map);
    }
}
