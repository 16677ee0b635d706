namespace OkrSync.Trackers;

/// <summary>
/// A field of tracker JSON that is missing or malformed. <see cref="Field"/> is its path from where reading began
/// (<c>number</c>; <c>issue.number</c> once the caller says where the issue was), <see cref="Problem"/> what is wrong.
/// </summary>
public sealed class JsonFieldException : FormatException
{
    public JsonFieldException(string field, string problem)
        : base($"'{field}' {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public JsonFieldException()
    {
        Field = "";
        Problem = "";
    }

    public JsonFieldException(string message)
        : base(message)
    {
        Field = "";
        Problem = message;
    }

    public JsonFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
        Problem = message;
    }

    public string Field { get; }

    public string Problem { get; }

    /// <summary>The same problem, with the field's path inside <paramref name="parent"/>: <c>number</c> within <c>issue</c> is <c>issue.number</c>.</summary>
    public JsonFieldException Within(string parent) => new($"{parent}.{Field}", Problem);
}
