using System.Runtime.CompilerServices;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

namespace OkrSync.Trackers.Files;

/// <summary>
/// A GitHub or Jira export file as a work source: read whole on every run (the store skips unchanged items),
/// in pages, with no cursor.
/// </summary>
public sealed class FileExportSource : IWorkSource
{
    private const int PageSize = 500;
    private readonly string path;
    private readonly SourceKind kind;
    private readonly string? storyPointsField;

    public FileExportSource(SourceKind kind, string path, string? storyPointsField = null)
    {
        this.kind = kind;
        this.path = path;
        this.storyPointsField = storyPointsField;
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
        return kind == SourceKind.Jira
            ? JsonExportReader.Read(bytes, path, issue => JiraIssueMapper.Map(issue, storyPointsField))
            : JsonExportReader.Read(bytes, path, issue => GitHubIssueMapper.Map(issue));
    }
}
