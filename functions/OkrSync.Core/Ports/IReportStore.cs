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
    /// <remarks>Unconditional (seeding, tests, tools): it moves the generation on like any write, so that a live
    /// writer still holding an older generation is refused afterwards. The live report writes with
    /// <see cref="SaveCurrentReportIfAsync"/>.</remarks>
    Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored current report's generation: 0 when none is stored. Every write of the current report moves it up
    /// by one, so a higher generation is a newer report. Reading it costs one small read, never the document.
    /// </summary>
    Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the current report only if the stored one is still at <paramref name="expectedGeneration"/> (0: none
    /// stored; a store with no report at all accepts any write), atomically (SQLite: <c>UPDATE … WHERE generation =
    /// expected</c>; Table Storage: the manifest's ETag, If-Match). When another writer stored a newer generation
    /// meanwhile, nothing is written and the result says so, with the generation found: the caller lost a race and
    /// catches up from the store before it writes again. Never an exception for a lost race.
    /// </summary>
    Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default);

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
