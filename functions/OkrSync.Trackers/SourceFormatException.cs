namespace OkrSync.Trackers;

/// <summary>Input from a tracker or an export that cannot be read; the message names where and why.</summary>
public sealed class SourceFormatException : Exception
{
    public SourceFormatException(string where, string reason, Exception? inner = null)
        : base($"{where}: {reason}", inner)
    {
        Where = where;
        Reason = reason;
    }

    public SourceFormatException()
    {
        Where = "";
        Reason = "";
    }

    public SourceFormatException(string message)
        : base(message)
    {
        Where = "";
        Reason = message;
    }

    public SourceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Where = "";
        Reason = message;
    }

    public string Where { get; }

    public string Reason { get; }
}
