namespace OkrSync.Core.Ports;

/// <summary>
/// Where each source's sync stopped, and the small status records the sync keeps per source. A role of <see
/// cref="IWorkStore"/>: one store instance serves every role.
/// </summary>
public interface ICursorStore
{
    Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default);

    Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cursors whose source id starts with <paramref name="sourceIdPrefix"/> (ordinal, case-sensitive), in ordinal
    /// order of their ids. The sync keeps a small status record per source under a prefix of its own (<c>status:</c>).
    /// </summary>
    IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, CancellationToken cancellationToken = default);
}
