using System.Text.Encodings.Web;
using System.Text.Json;

namespace OkrSync.Core.Reports;

public sealed partial class ReportJsonContext
{
    /// <summary>
    /// The contract as people and tools read it (<c>report --format json</c>, the read API): the same names as
    /// <see cref="Default"/>, but characters are written as themselves (<c>'</c>, <c>é</c>, <c>→</c>) instead of
    /// <c>\u0027</c>-style escapes. Quotes, backslashes and control characters are still escaped, so the output is valid
    /// JSON; it is not meant to be pasted into an HTML <c>&lt;script&gt;</c> block unescaped (the API serves it as
    /// <c>application/json</c>, which browsers do not run). Stored documents keep <see cref="Default"/>.
    /// </summary>
    public static ReportJsonContext Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
