using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Events;

/// <summary>
/// Reads one item from its tracker (GitHub <c>GET /repos/{o}/{r}/issues/{n}</c>, Jira <c>GET /rest/api/3/issue/{key}</c>),
/// for events that carry a reference instead of the item. Null: the item no longer exists (or is not visible).
/// The pipeline's port onto the trackers: <c>OkrSync.Trackers</c> implements it (it references the pipeline, never
/// the other way round), and tests apply events with a fake.
/// </summary>
public interface IWorkItemFetcher
{
    Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default);
}
