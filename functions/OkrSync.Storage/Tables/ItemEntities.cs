using Azure.Data.Tables;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Items table layout: PartitionKey = <c>Encode(source)|Encode(container)</c> (one partition per repository or Jira
/// project), RowKey = <c>Encode(key)</c>. The original source, container and key are stored as properties.
/// </summary>
internal static class ItemEntities
{
    public const string HashProperty = "Hash";
    public const string UpdatedProperty = "Updated";

    /// <summary>The properties a decision needs: read in projected queries, never the whole entity.</summary>
    public static readonly IReadOnlyList<string> VersionProjection = ["RowKey", HashProperty, UpdatedProperty];

    public static string PartitionOf(SourceKind source, string container) =>
        TableKeyEncoding.Encode(source.Value) + "|" + TableKeyEncoding.Encode(container);

    public static string RowKeyOf(string key) => TableKeyEncoding.Encode(key);

    /// <summary>
    /// Where an item with this key most likely lives, from the key alone: the partition of the tracker whose key shape
    /// it has (<see cref="TrackerKeys.PlacesOf"/>). Point reads try these first; a miss falls back to a query across
    /// partitions, so an unusual key is found too, only more slowly.
    /// </summary>
    public static IEnumerable<string> LikelyPartitions(string key) =>
        TrackerKeys.PlacesOf(key).Select(place => PartitionOf(place.Source, place.Container));

    public static StoredVersion ToVersion(TableEntity entity) =>
        new(entity.GetString(HashProperty) ?? "", StoredTime.Parse(entity.GetString(UpdatedProperty) ?? throw new InvalidOperationException("Stored item without Updated.")));

    public static TableEntity ToEntity(PreparedItem prepared)
    {
        var item = prepared.Item;
        var entity = new TableEntity(PartitionOf(item.Source, item.Container), RowKeyOf(item.Key));
        // Null properties are simply absent in Table Storage: never added, so the payload estimate is exact.
        void Set(string name, object? value)
        {
            if (value is not null)
            {
                entity.Add(name, value);
            }
        }

        Set("Key", item.Key);
        Set("Source", item.Source.Value);
        Set("Container", item.Container);
        Set("Title", item.Title);
        Set("Url", item.Url);
        Set("Type", item.Type);
        Set("State", item.State.ToName());
        Set("Status", item.Status);
        Set("Labels", StringListJson.Serialize(item.Labels));
        Set("ParentKey", item.ParentKey);
        Set("Milestone", item.Milestone);
        Set("Components", StringListJson.Serialize(item.Components));
        Set("Assignee", item.Assignee);
        Set("AssigneeEmail", item.AssigneeEmail);
        Set("Estimate", item.Estimate);
        Set("Created", StoredTime.Format(item.Created));
        Set(UpdatedProperty, StoredTime.Format(item.Updated));
        Set("Closed", item.Closed is { } closed ? StoredTime.Format(closed) : null);
        Set("IsPullRequest", item.IsPullRequest);
        Set("Body", item.Body);
        Set(HashProperty, prepared.Hash);
        return entity;
    }

    /// <summary>Every property <see cref="ToItem"/> reads, but <c>Body</c>.</summary>
    public static readonly IReadOnlyList<string> PropertiesButBody =
    [
        "RowKey", "Key", "Source", "Container", "Title", "Url", "Type", "State", "Status", "Labels", "ParentKey", "Milestone",
        "Components", "Assignee", "AssigneeEmail", "Estimate", "Created", UpdatedProperty, "Closed", "IsPullRequest",
    ];

    public static WorkItem ToItem(TableEntity entity)
    {
        var state = entity.GetString("State");
        return new WorkItem
        {
            Source = new SourceKind(entity.GetString("Source") ?? ""),
            Key = entity.GetString("Key") ?? TableKeyEncoding.Decode(entity.RowKey) ?? entity.RowKey,
            Container = entity.GetString("Container") ?? "",
            Title = entity.GetString("Title") ?? "",
            Url = entity.GetString("Url") ?? "",
            Type = entity.GetString("Type") ?? "",
            State = StateCategoryNames.TryParse(state, out var parsed) ? parsed : StateCategory.Todo,
            Status = entity.GetString("Status") ?? "",
            Labels = StringListJson.Deserialize(entity.GetString("Labels")),
            ParentKey = entity.GetString("ParentKey"),
            Milestone = entity.GetString("Milestone"),
            Components = StringListJson.Deserialize(entity.GetString("Components")),
            Assignee = entity.GetString("Assignee"),
            AssigneeEmail = entity.GetString("AssigneeEmail"),
            Estimate = entity.GetDouble("Estimate"),
            Created = StoredTime.Parse(entity.GetString("Created") ?? ""),
            Updated = StoredTime.Parse(entity.GetString(UpdatedProperty) ?? ""),
            Closed = StoredTime.ParseOptional(entity.GetString("Closed")),
            IsPullRequest = entity.GetBoolean("IsPullRequest") ?? false,
            Body = entity.GetString("Body"),
        };
    }
}
