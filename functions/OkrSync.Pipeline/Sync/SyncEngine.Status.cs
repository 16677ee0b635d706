namespace OkrSync.Pipeline.Sync;

/// <summary>Keeping each source's <see cref="SourceStatus"/> in the store after its run.</summary>
public sealed partial class SyncEngine
{
    // The status is bookkeeping for /api/health and the reconcile-held finding: failing to write it is logged and
    // does not change what the run did.
    private async Task RecordStatusAsync(SourceStats run, bool reconcile, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await cursors.ReadCursorAsync(SourceStatus.IdOf(run.SourceId), cancellationToken);
            var previous = stored is null ? null : SourceStatus.FromCursor(stored);
            var next = SourceStatus.After(previous, run, reconcile, time.GetUtcNow());
            if (!next.SameAs(previous))
            {
                await cursors.WriteCursorAsync(next.ToCursor(), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStatusNotRecorded(logger, run.SourceId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status of {SourceId} could not be recorded")]
    private static partial void LogStatusNotRecorded(ILogger logger, string sourceId, Exception exception);
}
