using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Sync;

/// <summary>A source backed by a tracker API: one repository or one Jira project, with its API usage.</summary>
public interface ITrackerSource : IWorkSource
{
    SourceKind Kind { get; }

    /// <summary>The repository (<c>owner/repo</c>) or Jira project key this source covers: the scope of a reconcile.</summary>
    string Container { get; }

    ApiUsage Usage { get; }
}
