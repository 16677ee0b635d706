using OkrSync.Core.Work;

namespace OkrSync.Core.Ports;

/// <summary>
/// Somewhere work items come from: a GitHub repository, a Jira project set, or an export file.
/// Pages are read in order; each page carries the cursor to store once the page is persisted, so that a failed
/// run resumes with no gap.
/// </summary>
public interface IWorkSource
{
    /// <summary>Stable identity of the source, e.g. <c>github:acme/web</c>; the key of its cursor.</summary>
    string Id { get; }

    /// <summary>Reads the items changed since <paramref name="since"/> (everything when null), page by page.</summary>
    IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, CancellationToken cancellationToken = default);
}

/// <summary>One page of work items, and the cursor to store after the page is persisted (null: do not move the cursor).</summary>
public sealed record WorkPage(IReadOnlyList<WorkItem> Items, SyncCursor? Cursor);
