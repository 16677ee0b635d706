using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Events;

/// <summary>
/// What a webhook puts on the <c>tracker-events</c> queue: the items to upsert (already mapped), the keys to delete,
/// and the keys to fetch from the tracker's API (when the items were too large for a queue message).
/// </summary>
public sealed record TrackerEventMessage(
    int Version,
    string Source,
    string Event,
    string? Action,
    string? DeliveryId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<WorkItemMessage> Upserts,
    IReadOnlyList<string> Deletes,
    IReadOnlyList<string> Fetches)
{
    public const int CurrentVersion = 1;

    /// <summary>
    /// Largest message text, in UTF-8 bytes: a queue message is at most 64 KiB once base64-encoded (4/3 growth),
    /// so 48 KiB of text.
    /// </summary>
    public const int MaxMessageBytes = 48 * 1024;

    public string ToJson() => JsonSerializer.Serialize(this, TrackerEventJsonContext.Default.TrackerEventMessage);

    /// <exception cref="FormatException">The text is not a tracker event message.</exception>
    public static TrackerEventMessage Parse(string text)
    {
        TrackerEventMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(text, TrackerEventJsonContext.Default.TrackerEventMessage);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a tracker event message: {e.Message}", e);
        }
        if (message is null || message.Version != CurrentVersion || message.Upserts is null || message.Deletes is null || message.Fetches is null)
        {
            throw new FormatException($"not a tracker event message of version {CurrentVersion}");
        }
        return message;
    }

    /// <summary>This message, or the same event with its upserts replaced by fetch references when it is too large to enqueue.</summary>
    public TrackerEventMessage FitToQueue() =>
        Encoding.UTF8.GetByteCount(ToJson()) <= MaxMessageBytes
            ? this
            : this with { Upserts = [], Fetches = [.. Fetches.Concat(Upserts.Select(u => u.Key)).Distinct(StringComparer.Ordinal)] };
}

/// <summary>A <see cref="WorkItem"/> as carried on the queue.</summary>
public sealed record WorkItemMessage(
    string Source, string Key, string Container, string Title, string Url, string Type, string State, string Status,
    IReadOnlyList<string> Labels, string? ParentKey, string? Milestone, IReadOnlyList<string> Components, string? Assignee,
    string? AssigneeEmail, double? Estimate, DateTimeOffset Created, DateTimeOffset Updated, DateTimeOffset? Closed,
    bool IsPullRequest, string? Body)
{
    public static WorkItemMessage From(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Source.Value, item.Key, item.Container, item.Title, item.Url, item.Type, item.State.ToName(), item.Status,
            item.Labels, item.ParentKey, item.Milestone, item.Components, item.Assignee, item.AssigneeEmail, item.Estimate,
            item.Created, item.Updated, item.Closed, item.IsPullRequest, item.Body);
    }

    public WorkItem ToWorkItem() => new()
    {
        Source = new SourceKind(Source),
        Key = Key,
        Container = Container,
        Title = Title,
        Url = Url,
        Type = Type,
        State = StateCategoryNames.TryParse(State, out var state) ? state : throw new FormatException($"'{State}' is not a state"),
        Status = Status,
        Labels = Labels ?? [],
        ParentKey = ParentKey,
        Milestone = Milestone,
        Components = Components ?? [],
        Assignee = Assignee,
        AssigneeEmail = AssigneeEmail,
        Estimate = Estimate,
        Created = Created,
        Updated = Updated,
        Closed = Closed,
        IsPullRequest = IsPullRequest,
        Body = Body,
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TrackerEventMessage))]
public sealed partial class TrackerEventJsonContext : JsonSerializerContext;
