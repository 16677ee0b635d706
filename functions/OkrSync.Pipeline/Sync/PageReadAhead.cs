using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OkrSync.Core.Ports;

namespace OkrSync.Pipeline.Sync;

/// <summary>Reads a source one page ahead of its consumer, through a bounded channel of one page.</summary>
public static class PageReadAhead
{
    /// <summary>
    /// The source's pages, read one page ahead: the next page is fetched while the caller writes this one. Pages
    /// arrive in the source's order, and a failed fetch surfaces only after the pages fetched before it, so those are
    /// still written and their cursors saved.
    /// </summary>
    public static async IAsyncEnumerable<WorkPage> ReadAsync(IWorkSource source, SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<WorkPage>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var fetching = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var page in source.ReadAsync(cursor, stop.Token))
                    {
                        await pages.Writer.WriteAsync(page, stop.Token);
                    }
                    pages.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    pages.Writer.TryComplete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                yield return page;
            }
        }
        finally
        {
            // The caller stopped (done, failed or cancelled): stop fetching, and wait, so no fetch outlives the run.
            await stop.CancelAsync();
            await fetching;
        }
    }
}
