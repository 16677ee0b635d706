namespace OkrSync.Core.Strategy;

/// <summary>
/// Where the scheduled sync reads a metric's value (<c>metric.source</c> in the strategy file): a JSON document over
/// HTTP (<c>http</c>, a number at the JSON Pointer <see cref="Pointer"/>), or a JSON or CSV file (<c>file</c>; for a
/// CSV, the <see cref="Column"/> of the last row). <see cref="HeaderSecret"/> names the setting whose value is sent in
/// the <see cref="Header"/> header: the secret itself is never in the file.
/// </summary>
public sealed record MetricSource(MetricSourceKind Kind, string Location)
{
    /// <summary>The header the secret goes in; <c>Authorization</c> unless the file says otherwise.</summary>
    public const string DefaultHeader = "Authorization";

    /// <summary>An RFC 6901 JSON Pointer (<c>/data/value</c>); empty is the whole document. Null for a CSV file.</summary>
    public string? Pointer { get; init; }

    /// <summary>The CSV column (a header name) whose last row holds the value.</summary>
    public string? Column { get; init; }

    /// <summary>The name of the setting holding the header value (e.g. <c>Metrics:NpsToken</c>).</summary>
    public string? HeaderSecret { get; init; }

    public string Header { get; init; } = DefaultHeader;

    /// <summary>Whether a file source is read as CSV (by its extension).</summary>
    public bool IsCsv => Kind == MetricSourceKind.File && Location.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The source as reports and check-ins name it: <c>http URL#/pointer</c>, <c>file PATH#/pointer</c> or <c>file PATH[column]</c>.</summary>
    public string Name => Kind switch
    {
        MetricSourceKind.Http => $"http {Location}#{Pointer}",
        _ when Column is not null => $"file {Location}[{Column}]",
        _ => $"file {Location}#{Pointer}",
    };
}

public enum MetricSourceKind
{
    Http,
    File,
}
