using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Pipeline;

/// <summary>
/// The one way a computed report becomes the stored one, for the app's live report and the CLI's sync alike: keep the
/// work items that need attention (orphaned and contradicting), add the <c>reconcile-held</c> findings, write it only
/// when something but the time changed, and, after a sync, replace this ISO week's snapshot (the week's last good state).
/// Every write is conditional on the stored generation the items were read at, so that of several instances none
/// overwrites a newer report with an older one (see <see cref="IReportStore.SaveCurrentReportIfAsync"/>).
/// </summary>
public static class ReportPublisher
{
    /// <summary>
    /// Stores <paramref name="report"/> only over the generation its items were read at
    /// (<paramref name="expectedGeneration"/>, see <see cref="IReportStore.SaveCurrentReportIfAsync"/>): when another
    /// writer stored a newer report meanwhile, nothing is written (no snapshot either) and the result is
    /// <see cref="Published.Lost"/>, with the generation found; the caller catches up from the store and tries again.
    /// An unchanged report is not rewritten and keeps the stored generation.
    /// </summary>
    public static async Task<Published> PublishAsync(IReportStore reports, Report report, IReadOnlyList<FindingJson> heldReconciles, bool weeklySnapshot, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var document = HeldReconcileFindings.AddTo(await WithTrendsAsync(reports, report, ToStoredDocument(report), cancellationToken), heldReconciles);
        var previous = await reports.ReadCurrentReportAsync(cancellationToken);
        // The as-of instant moves on every run; what matters is whether anything else did.
        var changed = previous is null || !ReportFingerprint.Same(previous, document);
        var generation = expectedGeneration;
        if (changed)
        {
            var write = await reports.SaveCurrentReportIfAsync(document, expectedGeneration, cancellationToken);
            if (write.Lost)
            {
                return new Published(document, ReportWritten: false, SnapshotWritten: false) { Lost = true, Generation = write.Generation };
            }
            generation = write.Generation;
        }
        var snapshot = weeklySnapshot && await reports.SaveWeeklySnapshotAsync(WeeklySnapshot.From(document), cancellationToken);
        return new Published(document, changed, snapshot) { Generation = generation };
    }

    /// <summary>Says, from the weekly snapshots, how long each <c>outputs-without-outcome</c> pattern has held.</summary>
    private static async Task<ReportDocument> WithTrendsAsync(IReportStore reports, Report report, ReportDocument document, CancellationToken cancellationToken)
    {
        if (!StrategyFindings.Any(document.Findings, f => f.Kind == FindingKinds.OutputsWithoutOutcome))
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
        var attention = report.Stored?.Attention ?? report.Items
            .Where(a => a.Classification is Classification.Orphaned or Classification.Contradicting)
            .Select(a => StoredItemJson.Of(a, report.Strategy))
            .ToList();
        return report.ToDocument(includeWorkItems: false) with { WorkItems = attention };
    }
}

/// <summary>What <see cref="ReportPublisher.PublishAsync"/> stored.</summary>
public sealed record Published(ReportDocument Document, bool ReportWritten, bool SnapshotWritten)
{
    /// <summary>Refused: another writer stored a newer report than the generation expected; nothing was written.</summary>
    public bool Lost { get; init; }

    /// <summary>The generation written; when <see cref="Lost"/>, the newer one found; when unchanged, the one expected.</summary>
    public long Generation { get; init; }
}
