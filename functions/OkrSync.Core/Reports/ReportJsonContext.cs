using System.Text.Json;
using System.Text.Json.Serialization;

namespace OkrSync.Core.Reports;

/// <summary>Source-generated System.Text.Json metadata for the contract: camelCase, nulls written.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(IReadOnlyList<FindingJson>))]
[JsonSerializable(typeof(IReadOnlyList<WorkItemJson>))]
[JsonSerializable(typeof(WorkItemJson))]
[JsonSerializable(typeof(WeeklySnapshot))]
[JsonSerializable(typeof(IReadOnlyList<WeeklySnapshot>))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
