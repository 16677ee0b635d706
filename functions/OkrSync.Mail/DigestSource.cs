using OkrSync.Core.Digest;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Mail;

/// <summary>
/// Reads what a digest is built from out of the store: the current report (saved by every sync), the open orphaned
/// items it names (looked up by key for their titles, assignees and ages), and the weekly snapshots.
/// </summary>
public sealed class DigestSource(IReportStore reports, IItemStore items)
{
    /// <summary>The digest input, or null when no sync has stored a report yet.</summary>
    public async Task<DigestInput?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var report = await reports.ReadCurrentReportAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }
        var orphans = new List<WorkItem>();
        var keys = report.Findings.Where(f => f.Kind == FindingKinds.OrphanedWork).Select(f => f.Subject).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await items.GetItemAsync(key, cancellationToken) is { } item && item.State.IsOpen())
            {
                orphans.Add(item);
            }
        }
        var history = new List<Core.Reports.WeeklySnapshot>();
        await foreach (var snapshot in reports.ReadWeeklySnapshotsAsync(cancellationToken))
        {
            history.Add(snapshot);
        }
        return new DigestInput(report, orphans, history);
    }
}
