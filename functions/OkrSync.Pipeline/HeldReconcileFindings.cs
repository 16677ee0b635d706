using System.Globalization;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Pipeline;

/// <summary>
/// Turns the held reconciles recorded in the store (<see cref="SourceStatus.Held"/>) into <c>reconcile-held</c>
/// findings, one per source, named by its id: they go into every report saved until a reconcile of the source succeeds.
/// </summary>
public static class HeldReconcileFindings
{
    public static async Task<IReadOnlyList<FindingJson>> ReadAsync(ICursorStore cursors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var findings = new List<FindingJson>();
        await foreach (var record in cursors.ReadCursorsAsync(SourceStatus.Prefix, cancellationToken))
        {
            if (SourceStatus.FromCursor(record) is { Held: { } held } status)
            {
                findings.Add(ToFinding(status.SourceId, held));
            }
        }
        return findings;
    }

    public static FindingJson ToFinding(string sourceId, ReconcileHold held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var at = held.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new FindingJson(FindingKinds.ReconcileHeld, sourceId, $"The reconcile of {sourceId} on {at} UTC was held: {held.Explain()}", null, null);
    }

    /// <summary>The stored document with the held reconciles first among its findings.</summary>
    public static ReportDocument AddTo(ReportDocument document, IReadOnlyList<FindingJson> held)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(held);
        return held.Count == 0 ? document : document with { Findings = [.. held, .. document.Findings] };
    }
}
