using System.Buffers.Binary;

namespace OkrSync.Storage.Sqlite;

/// <summary>What is at a store's path before SQLite opens it: nothing yet, an empty file, or a SQLite database.</summary>
public enum SqliteFileState
{
    Missing,
    Empty,
    Database,
}

/// <summary>
/// Checks a store's file from its bytes alone, before SQLite opens it (which could write to it): a folder, a file
/// of another format (text, zip), a damaged header or a file shorter than its header says are refused, naming the file.
/// A missing path or a 0-byte file is a new store.
/// </summary>
public static class SqliteStoreFile
{
    private const int HeaderLength = 100;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <exception cref="StoreFileException">The path holds something that is not a SQLite database, or a damaged one.</exception>
    public static SqliteFileState Inspect(string path)
    {
        if (Directory.Exists(path))
        {
            throw new StoreFileException(path, "is a folder, not an OkrSync store file");
        }
        if (!File.Exists(path))
        {
            return SqliteFileState.Missing;
        }
        Span<byte> header = stackalloc byte[HeaderLength];
        long length;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreFileException(path, $"cannot be read: {e.Message}", e);
        }
        if (length == 0)
        {
            return SqliteFileState.Empty;
        }
        if (read < HeaderLength || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new StoreFileException(path, "is not an OkrSync store: it is not a SQLite database");
        }
        CheckSize(path, header, length);
        return SqliteFileState.Database;
    }

    // The header's page size and page count (valid when the change counter matches "version-valid-for", as every
    // SQLite since 3.7.0 writes it) say how long the file must be. A write-ahead log beside the file may hold pages
    // not yet copied back, so the length is only checked without one.
    private static void CheckSize(string path, ReadOnlySpan<byte> header, long length)
    {
        var rawPageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        var pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || !int.IsPow2(pageSize))
        {
            throw new StoreFileException(path, $"is corrupt: its SQLite header has an invalid page size ({rawPageSize})");
        }
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var headerValid = header.Slice(24, 4).SequenceEqual(header.Slice(92, 4));
        var wal = new FileInfo(path + "-wal");
        if (headerValid && pages > 0 && (long)pages * pageSize > length && !(wal.Exists && wal.Length > 0))
        {
            throw new StoreFileException(path, $"is truncated: its header counts {pages} pages of {pageSize} bytes ({(long)pages * pageSize} bytes), the file has {length}");
        }
    }
}
