using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Core.Digest;

/// <summary>
/// What a digest is built from: the current report (rollup and findings), the open orphaned items themselves
/// (for titles, assignees, ages and links), and the weekly snapshots, oldest first.
/// </summary>
public sealed record DigestInput(ReportDocument Report, IReadOnlyList<WorkItem> OrphanedItems, IReadOnlyList<WeeklySnapshot> History);
