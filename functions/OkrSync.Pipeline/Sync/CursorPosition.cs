using OkrSync.Core.Ports;

namespace OkrSync.Pipeline.Sync;

/// <summary>
/// A source's position during a run: the cursor of the last page whose items are stored, written to the store at
/// most every <c>interval</c> (by this clock) and on <see cref="FlushAsync"/>. A cursor equal to the one last read or
/// written (same position and ETag) is not written again.
/// </summary>
internal sealed class CursorPosition(ICursorStore cursors, TimeSpan interval, TimeProvider time)
{
    private SyncCursor? unwritten;
    private DateTimeOffset lastWrite;

    /// <summary>The cursor last read or written.</summary>
    public SyncCursor? Written { get; private set; }

    public bool HasUnwritten => unwritten is not null;

    public void Start(SyncCursor? stored)
    {
        Written = stored;
        lastWrite = time.GetUtcNow();
    }

    /// <summary>Every item up to <paramref name="next"/> is stored: remember it, and write it if the interval has passed.</summary>
    public async Task StoredUpToAsync(SyncCursor next, CancellationToken cancellationToken)
    {
        var latest = unwritten ?? Written;
        if (latest is not null && next.Position == latest.Position && next.ETag == latest.ETag)
        {
            return;
        }
        unwritten = next;
        if (time.GetUtcNow() - lastWrite >= interval)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (unwritten is not { } cursor)
        {
            return;
        }
        unwritten = null;
        if (Written is { } written && cursor.Position == written.Position && cursor.ETag == written.ETag)
        {
            return;
        }
        try
        {
            await cursors.WriteCursorAsync(cursor, cancellationToken);
        }
        catch
        {
            unwritten = cursor;
            throw;
        }
        Written = cursor;
        lastWrite = time.GetUtcNow();
    }
}
