using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Pipeline;

/// <summary>
/// The one way a computed report becomes the stored one, for the app's live report and the CLI's sync alike: keep the
/// work items that need attention (orphaned and contradicting), add the <c>reconcile-held</c> findings, write it only
/// when something but the time changed, and, after a sync, replace this ISO week's snapshot (the week's last good state).
/// </summary>
public static class ReportPublisher
{
    /// <summary>Stores <paramref name="report"/>; says whether the report and the snapshot were written.</summary>
    public static async Task<Published> PublishAsync(IReportStore reports, Report report, IReadOnlyList<FindingJson> heldReconciles, bool weeklySnapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var document = HeldReconcileFindings.AddTo(await WithTrendsAsync(reports, report, ToStoredDocument(report), cancellationToken), heldReconciles);
        var previous = await reports.ReadCurrentReportAsync(cancellationToken);
        // The as-of instant moves on every run; what matters is whether anything else did.
        var changed = previous is null || ReportFingerprint.Of(previous) != ReportFingerprint.Of(document);
        if (changed)
        {
            await reports.SaveCurrentReportAsync(document, cancellationToken);
        }
        var snapshot = weeklySnapshot && await reports.SaveWeeklySnapshotAsync(WeeklySnapshot.From(document), cancellationToken);
        return new Published(document, changed, snapshot);
    }

    /// <summary>Says, from the weekly snapshots, how long each <c>outputs-without-outcome</c> pattern has held.</summary>
    private static async Task<ReportDocument> WithTrendsAsync(IReportStore reports, Report report, ReportDocument document, CancellationToken cancellationToken)
    {
        if (!document.Findings.Any(f => f.Kind == FindingKinds.OutputsWithoutOutcome))
        {
            return document;
        }
        var snapshots = new List<WeeklySnapshot>();
        await foreach (var snapshot in reports.ReadWeeklySnapshotsAsync(cancellationToken))
        {
            snapshots.Add(snapshot);
        }
        return document with { Findings = OutcomeTrend.Annotate(document.Findings, document, snapshots, report.Strategy.Thresholds) };
    }

    /// <summary>The report as stored: everything but the aligned and operational work items.</summary>
    public static ReportDocument ToStoredDocument(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var attention = report.Items
            .Where(a => a.Classification is Classification.Orphaned or Classification.Contradicting)
            .Select(a => a.ToJson())
            .ToList();
        return report.ToDocument(includeWorkItems: false) with { WorkItems = attention };
    }
}

/// <summary>What <see cref="ReportPublisher.PublishAsync"/> stored.</summary>
public sealed record Published(ReportDocument Document, bool ReportWritten, bool SnapshotWritten);
