using OkrSync.Core.Metrics;

namespace OkrSync.Core.Ports;

/// <summary>
/// The check-ins of every metric (key results and position signals alike, by metric id): append-only, never
/// rewritten. A role of <see cref="IWorkStore"/>: one store instance serves every role.
/// </summary>
public interface ICheckInLog
{
    /// <summary>
    /// Records a check-in; false when one with the same id, instant and value is already recorded (nothing is
    /// written: a retry, or a source that pulled an unchanged value again).
    /// </summary>
    Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default);

    /// <summary>The check-ins of one metric, oldest first (by <see cref="CheckIn.At"/>, then <see cref="CheckIn.RecordedAt"/>).</summary>
    IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default);

    /// <summary>Every check-in, by metric id (ordinal), each metric's oldest first.</summary>
    IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default);
}
