using System.Collections.Concurrent;

namespace OkrSync.Storage.Sqlite;

/// <summary>
/// One writer at a time per SQLite file within this process, queued in memory. SQLite allows one writer per file; a
/// second that finds the file locked waits in its busy handler, which sleeps in steps of up to 100 ms (and
/// Microsoft.Data.Sqlite, where no busy timeout is set, 150 ms), so a webhook's small write behind a report write
/// could wait far longer than the write it waited for. Queued here, it starts the moment the write before it ends.
/// Other processes on the same file still meet the busy handler.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write <paramref name="path"/> (a full path); dispose the result to pass it on.</summary>
    public static async Task<Turn> EnterAsync(string path, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
