using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// Whether two versions of an item say the same, field by field (lists by content, times by instant and offset), as the
/// store's content hash would: a reload keeps the held copy of an item the store still holds unchanged.
/// </summary>
public static class WorkItemContent
{
    public static bool Same(WorkItem a, WorkItem b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b) || (
            a.Source == b.Source
            && string.Equals(a.Key, b.Key, StringComparison.Ordinal)
            && string.Equals(a.Container, b.Container, StringComparison.Ordinal)
            && string.Equals(a.Title, b.Title, StringComparison.Ordinal)
            && string.Equals(a.Url, b.Url, StringComparison.Ordinal)
            && string.Equals(a.Type, b.Type, StringComparison.Ordinal)
            && a.State == b.State
            && string.Equals(a.Status, b.Status, StringComparison.Ordinal)
            && a.Labels.SequenceEqual(b.Labels, StringComparer.Ordinal)
            && string.Equals(a.ParentKey, b.ParentKey, StringComparison.Ordinal)
            && string.Equals(a.Milestone, b.Milestone, StringComparison.Ordinal)
            && a.Components.SequenceEqual(b.Components, StringComparer.Ordinal)
            && string.Equals(a.Assignee, b.Assignee, StringComparison.Ordinal)
            && string.Equals(a.AssigneeEmail, b.AssigneeEmail, StringComparison.Ordinal)
            && a.Estimate.Equals(b.Estimate)
            && a.Created.EqualsExact(b.Created)
            && a.Updated.EqualsExact(b.Updated)
            && Nullable.Equals(a.Closed, b.Closed) && (a.Closed is null || a.Closed.Value.Offset == b.Closed!.Value.Offset)
            && a.IsPullRequest == b.IsPullRequest
            && string.Equals(a.Body, b.Body, StringComparison.Ordinal));
    }
}
