namespace OkrSync.Functions.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file, created with its folder on first use.</summary>
public sealed record SqliteStoreOptions
{
    public const string DefaultPath = "./.okrsync/okrsync.db";

    /// <summary>The database file; a relative path resolves against the current directory.</summary>
    public string Path { get; init; } = DefaultPath;

    public string FullPath => System.IO.Path.GetFullPath(Path);
}
