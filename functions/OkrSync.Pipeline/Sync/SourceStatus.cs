using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Ports;

namespace OkrSync.Pipeline.Sync;

/// <summary>
/// What the store remembers of a source's runs beside its cursor: whether it ever completed a run, the error of its
/// last run when that failed (null when it completed), and a held reconcile, kept until a reconcile of the source
/// succeeds. Stored as a cursor record with id <c>status:{sourceId}</c> (see <see cref="IdOf"/>): its Position holds
/// this as JSON, its SyncedAt when it last changed. It is rewritten only when it changes.
/// </summary>
public sealed record SourceStatus(string SourceId, DateTimeOffset ChangedAt)
{
    /// <summary>The id prefix of status records among the cursors.</summary>
    public const string Prefix = "status:";

    private const int MaxErrorLength = 1_000;

    public bool EverSucceeded { get; init; }

    /// <summary>Why the last run failed; null when it completed.</summary>
    public string? LastError { get; init; }

    public ReconcileHold? Held { get; init; }

    public static string IdOf(string sourceId) => Prefix + sourceId;

    /// <summary>The status after a run: a failed run keeps the rest; a completed one clears the error, and a reconcile sets or clears the hold.</summary>
    public static SourceStatus After(SourceStatus? previous, SourceStats run, bool reconcile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var next = new SourceStatus(run.SourceId, now) { EverSucceeded = previous?.EverSucceeded ?? false, Held = previous?.Held };
        return run.Error is { } error
            ? next with { LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] + "…" : error }
            : next with { EverSucceeded = true, LastError = null, Held = reconcile ? run.Held : next.Held };
    }

    /// <summary>Equal apart from <see cref="ChangedAt"/>: nothing to write.</summary>
    public bool SameAs(SourceStatus? other) =>
        other is not null && other.SourceId == SourceId && other.EverSucceeded == EverSucceeded && other.LastError == LastError && other.Held == Held;

    public SyncCursor ToCursor() =>
        new(IdOf(SourceId), JsonSerializer.Serialize(new StatusJson(EverSucceeded, LastError, Held), SourceStatusJsonContext.Default.StatusJson), ChangedAt);

    /// <summary>The status a status record holds; null for another cursor or a record this version cannot read.</summary>
    public static SourceStatus? FromCursor(SyncCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (!cursor.SourceId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(cursor.Position, SourceStatusJsonContext.Default.StatusJson) is { } json
                ? new SourceStatus(cursor.SourceId[Prefix.Length..], cursor.SyncedAt) { EverSucceeded = json.EverSucceeded, LastError = json.LastError, Held = json.Held }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record StatusJson(bool EverSucceeded, string? LastError, ReconcileHold? Held);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusJson))]
public sealed partial class SourceStatusJsonContext : JsonSerializerContext;
