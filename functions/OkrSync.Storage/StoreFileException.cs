namespace OkrSync.Storage;

/// <summary>
/// The store's file cannot be used as it is: not an OkrSync store (another format, a folder, another program's
/// database), corrupt or truncated, written by a newer OkrSync, or opened read-only while it needs a migration.
/// Nothing was written to it. The message is one line that names the file.
/// </summary>
public sealed class StoreFileException : IOException
{
    public StoreFileException(string path, string problem, Exception? innerException = null)
        : base($"{path} {problem}", innerException)
    {
        Path = path;
    }

    public StoreFileException()
    {
        Path = "";
    }

    public StoreFileException(string message)
        : base(message)
    {
        Path = "";
    }

    public StoreFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    public string Path { get; }
}
