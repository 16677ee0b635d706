namespace OkrSync.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file, created with its folder on first use.</summary>
public sealed record SqliteStoreOptions
{
    public const string DefaultPath = "./.okrsync/okrsync.db";

    /// <summary>The database file; a relative path resolves against the current directory.</summary>
    public string Path { get; init; } = DefaultPath;

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>
    /// Only read (default false): the file is opened with SQLite's read-only mode, never created, migrated or written,
    /// so a read-only file or folder can be read. A store that does not exist yet reads as empty. A store whose
    /// schema is older than this OkrSync's is refused (a migration is a write). For commands that only read.
    /// </summary>
    public bool ReadOnly { get; init; }
}
