namespace OkrSync.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Count} item writes met a concurrent writer (attempt {Attempt}); re-reading their state and deciding again")]
    public static partial void ItemConflict(ILogger logger, int count, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Document {Partition}/{Name} was replaced concurrently (attempt {Attempt}); retrying")]
    public static partial void DocumentConflict(ILogger logger, string partition, string name, int attempt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Could not delete the superseded chunks {Partition}/{Generation} (status {Status}); they are unreferenced and harmless")]
    public static partial void ChunkCleanupFailed(ILogger logger, string partition, string generation, int status);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "SQLite store {Path}: schema migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Work store: {Kind} ({Target})")]
    public static partial void StoreOpened(ILogger logger, string kind, string target);
}
