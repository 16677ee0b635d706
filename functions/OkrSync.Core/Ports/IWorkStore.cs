namespace OkrSync.Core.Ports;

/// <summary>
/// Where the pipeline keeps its state, every role in one: work items (<see cref="IItemStore"/>), the current report and
/// weekly snapshots (<see cref="IReportStore"/>), sync cursors (<see cref="ICursorStore"/>), webhook delivery ids and
/// removals (<see cref="IEventLog"/>), report sends (<see cref="ISendLedger"/>) and metric check-ins (<see cref="ICheckInLog"/>). Two adapters implement it with the
/// same semantics: Azure Table Storage and embedded SQLite. Callers depend on the roles they use, not on this.
/// </summary>
public interface IWorkStore : IItemStore, IReportStore, ICursorStore, IEventLog, ISendLedger, ICheckInLog;

/// <summary>What an upsert did: rows written, items skipped because unchanged, and items skipped because the store held a newer version.</summary>
public readonly record struct UpsertResult(int Written, int Unchanged, int Stale)
{
    public static UpsertResult operator +(UpsertResult a, UpsertResult b) =>
        new(a.Written + b.Written, a.Unchanged + b.Unchanged, a.Stale + b.Stale);
}

/// <summary>
/// Where the last sync of one source stopped. <see cref="Position"/> is opaque to the store (an <c>updated</c>
/// high-water mark, usually ISO-8601). <see cref="ETag"/> lets a poll be conditional.
/// </summary>
public sealed record SyncCursor(string SourceId, string Position, DateTimeOffset SyncedAt)
{
    public string? ETag { get; init; }
}
