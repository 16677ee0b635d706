using System.Text.Json.Serialization;

namespace OkrSync.Web.Invocations;

/// <summary>
/// The answer the Functions host reads back: <c>{"Outputs": {}, "Logs": [...], "ReturnValue": null}</c>, always JSON.
/// Each log line is logged by the host under the function's logger.
/// </summary>
internal sealed record InvocationResult(IReadOnlyDictionary<string, string> Outputs, IReadOnlyList<string> Logs, string? ReturnValue)
{
    public static InvocationResult Of(params string[] logs) => new(new Dictionary<string, string>(), logs, null);
}

/// <summary>PascalCase, as the host's (Newtonsoft) deserialiser expects; nulls written.</summary>
[JsonSerializable(typeof(InvocationResult))]
internal sealed partial class InvocationJsonContext : JsonSerializerContext;
