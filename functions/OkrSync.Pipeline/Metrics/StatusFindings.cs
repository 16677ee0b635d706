using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Findings;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;

namespace OkrSync.Pipeline.Metrics;

/// <summary>
/// Findings that come from what the sync ran into rather than from the strategy and the work: a metric source whose
/// last pull failed (<c>metric-source-failed</c>, record <c>metric-source:{metricId}</c>) and a rejected strategy version
/// (<c>strategy-invalid</c>, record <c>strategy:invalid</c>). Kept as small status records among the cursors, set when
/// the trouble starts and cleared (an empty record) when it ends, and added to every stored report meanwhile.
/// </summary>
public static class StatusFindings
{
    public const string MetricSourcePrefix = "metric-source:";
    public const string StrategyInvalidId = "strategy:invalid";

    /// <summary>Every open status finding: the failed metric sources, then a rejected strategy version.</summary>
    public static async Task<IReadOnlyList<FindingJson>> ReadAsync(ICursorStore cursors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var findings = new List<FindingJson>();
        await foreach (var record in cursors.ReadCursorsAsync(MetricSourcePrefix, cancellationToken))
        {
            if (Read(record) is { } finding)
            {
                findings.Add(finding);
            }
        }
        if (await cursors.ReadCursorAsync(StrategyInvalidId, cancellationToken) is { } invalid && Read(invalid) is { } rejected)
        {
            findings.Insert(0, rejected);
        }
        return findings;
    }

    /// <summary>Records (or, with a null <paramref name="failure"/>, clears) the failure of a metric's source.</summary>
    public static Task WriteMetricSourceAsync(ICursorStore cursors, string metricId, FindingJson? failure, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(cursors, MetricSourcePrefix + metricId, failure, at, cancellationToken);

    /// <summary>Records (or, with a null <paramref name="rejected"/>, clears) a rejected strategy version.</summary>
    public static Task WriteStrategyInvalidAsync(ICursorStore cursors, FindingJson? rejected, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(cursors, StrategyInvalidId, rejected, at, cancellationToken);

    private static async Task WriteAsync(ICursorStore cursors, string id, FindingJson? finding, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var position = finding is null ? "" : JsonSerializer.Serialize(finding, StatusFindingJsonContext.Default.FindingJson);
        var previous = await cursors.ReadCursorAsync(id, cancellationToken);
        if (previous?.Position == position || (previous is null && finding is null))
        {
            return;
        }
        await cursors.WriteCursorAsync(new SyncCursor(id, position, at), cancellationToken);
    }

    private static FindingJson? Read(SyncCursor record)
    {
        if (record.Position.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(record.Position, StatusFindingJsonContext.Default.FindingJson) is { Kind: FindingKinds.MetricSourceFailed or FindingKinds.StrategyInvalid } finding ? finding : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FindingJson))]
internal sealed partial class StatusFindingJsonContext : JsonSerializerContext;
