using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>Parses a metric's <c>source</c> and <c>measured-at</c>, reporting every problem where it is.</summary>
internal static class MetricSourceParser
{
    private static readonly string[] SourceKeys = ["http", "file", "pointer", "column", "header-secret", "header"];

    public static MetricSource? Parse(YamlMappingNode node, string keyResultId, DiagnosticBag diagnostics)
    {
        var what = $"the metric source of '{keyResultId}'";
        var reader = new YamlMappingReader(node, what, diagnostics, SourceKeys);
        var http = reader.String("http");
        var file = reader.String("file");
        var pointer = reader.String("pointer");
        var column = reader.String("column");
        var secret = reader.String("header-secret");
        var header = reader.String("header");
        if ((http is null) == (file is null))
        {
            diagnostics.Error("invalid-source", $"{what} needs exactly one of 'http' (a URL) or 'file' (a path)", reader.Location);
            return null;
        }
        var errors = 0;
        void Error(string message, string key)
        {
            errors++;
            diagnostics.Error("invalid-source", message, reader.Get(key) is { } at ? YamlMappingReader.At(at, diagnostics.File) : reader.Location);
        }
        if (http is not null && (!Uri.TryCreate(http, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            Error($"'http' in {what} must be an absolute http or https URL, not '{http}'", "http");
        }
        if (pointer is not null && pointer.Length > 0 && pointer[0] != '/')
        {
            Error($"'pointer' in {what} must be a JSON Pointer starting with '/' (e.g. /data/value), not '{pointer}'", "pointer");
        }
        var csv = file is not null && file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (csv && column is null)
        {
            Error($"{what} reads a CSV file: name the 'column' whose last row holds the value", "file");
        }
        if (!csv && column is not null)
        {
            Error($"'column' in {what} applies to CSV files only; use 'pointer' for JSON", "column");
        }
        if (csv && pointer is not null)
        {
            Error($"'pointer' in {what} applies to JSON only; a CSV file takes a 'column'", "pointer");
        }
        if (!csv && pointer is null)
        {
            Error($"{what} reads JSON: give the 'pointer' of the number (e.g. /data/value)", http is not null ? "http" : "file");
        }
        if (file is not null && (secret is not null || header is not null))
        {
            Error($"'header-secret' in {what} applies to 'http' sources only", secret is not null ? "header-secret" : "header");
        }
        if (header is not null && secret is null)
        {
            Error($"'header' in {what} needs 'header-secret', the setting that holds its value", "header");
        }
        if (header is not null && (header.Length == 0 || !header.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            Error($"'header' in {what} must be an HTTP header name, not '{header}'", "header");
        }
        if (secret is not null && (secret.Length == 0 || secret.Any(char.IsWhiteSpace)))
        {
            Error($"'header-secret' in {what} names a setting (e.g. Metrics:NpsToken): put the secret in that setting, never in the file", "header-secret");
        }
        if (errors > 0)
        {
            return null;
        }
        return new MetricSource(http is not null ? MetricSourceKind.Http : MetricSourceKind.File, http ?? file!)
        {
            Pointer = pointer,
            Column = column,
            HeaderSecret = secret,
            Header = header ?? MetricSource.DefaultHeader,
        };
    }

    public static DateTimeOffset? MeasuredAt(YamlMappingReader reader, string keyResultId, DiagnosticBag diagnostics)
    {
        if (reader.String("measured-at") is not { } text)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        diagnostics.Error("invalid-value", $"'measured-at' of key result '{keyResultId}' must be a date or date-time (2026-11-30 or 2026-11-30T09:00:00Z), not '{text}'", YamlMappingReader.At(reader.Get("measured-at")!, diagnostics.File));
        return null;
    }
}
