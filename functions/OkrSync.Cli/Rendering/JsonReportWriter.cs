using System.Text.Json;
using OkrSync.Core.Reports;

namespace OkrSync.Cli.Rendering;

/// <summary>Writes the JSON contract (see docs/api.md, "The JSON contract").</summary>
internal static class JsonReportWriter
{
    public static string Write(ReportDocument document) => JsonSerializer.Serialize(document, ReportJsonContext.Readable.ReportDocument);
}
