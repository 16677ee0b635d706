using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Api;

/// <summary>Source-generated JSON of the paged answers (<see cref="PageJson{T}"/>): camelCase, nulls written, characters as themselves.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(PageJson<FindingJson>))]
[JsonSerializable(typeof(PageJson<WorkItemJson>))]
internal sealed partial class ApiPageJsonContext : JsonSerializerContext
{
    public static ApiPageJsonContext Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
