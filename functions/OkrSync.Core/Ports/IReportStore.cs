using OkrSync.Core.Reports;

namespace OkrSync.Core.Ports;

/// <summary>
/// The current report and the weekly snapshots: what the pipeline writes after alignment and the read API, digest and
/// trends read. A role of <see cref="IWorkStore"/>: one store instance serves every role.
/// </summary>
public interface IReportStore
{
    /// <summary>
    /// Saves the current report, replacing the previous one, as given: callers keep its work items to those that need
    /// attention (orphaned and contradicting), so that it stays a bounded size. A large report is stored whole or not at all.
    /// </summary>
    Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default);

    Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the snapshot of its ISO week, so that the week's last good state wins: a week with no snapshot gets this
    /// one; a week's snapshot is replaced by one taken later (<see cref="WeeklySnapshot.TakenAt"/>, compared as
    /// instants), never by one taken at the same time or earlier; and a week is never rewritten once a later week has a
    /// snapshot (a past week stays as it was). Returns whether this snapshot was written.
    /// </summary>
    Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Weekly snapshots, oldest first.</summary>
    IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync(CancellationToken cancellationToken = default);
}
