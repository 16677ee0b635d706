using OkrSync.Core.Work;

namespace OkrSync.Functions.ApplyTrackerEvent;

/// <summary>
/// Reads one item from its tracker (GitHub <c>GET /repos/{o}/{r}/issues/{n}</c>, Jira <c>GET /rest/api/3/issue/{key}</c>),
/// for events that carry a reference instead of the item. Null: the item no longer exists (or is not visible).
/// </summary>
internal interface IWorkItemFetcher
{
    Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default);
}
