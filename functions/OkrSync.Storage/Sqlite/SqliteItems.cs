using Microsoft.Data.Sqlite;
using OkrSync.Core.Work;

namespace OkrSync.Storage.Sqlite;

/// <summary>Row mapping and statements of the <c>items</c> table.</summary>
internal static class SqliteItems
{
    public const string Columns =
        "key, source, container, title, url, type, state, status, labels, parent_key, milestone, components, assignee, assignee_email, estimate, created, updated, updated_utc_ticks, closed, is_pull_request, body, hash";

    public const string Select = "SELECT " + Columns + " FROM items";

    /// <summary>As <see cref="Select"/>, with a null in the body's place.</summary>
    public const string SelectButBody =
        "SELECT key, source, container, title, url, type, state, status, labels, parent_key, milestone, components, assignee, assignee_email, estimate, created, updated, updated_utc_ticks, closed, is_pull_request, NULL AS body, hash FROM items";

    public const string ReadVersion = "SELECT hash, updated_utc_ticks FROM items WHERE key = $key;";

    /// <summary>The guard repeats the upsert rule in SQL: never replace a newer row, never rewrite an identical one.</summary>
    public const string Upsert =
        "INSERT INTO items (" + Columns + ", change_seq) VALUES ($key, $source, $container, $title, $url, $type, $state, $status, $labels, $parent_key, $milestone, $components, $assignee, $assignee_email, $estimate, $created, $updated, $updated_utc_ticks, $closed, $is_pull_request, $body, $hash, $change_seq) " +
        "ON CONFLICT (key) DO UPDATE SET source = excluded.source, container = excluded.container, title = excluded.title, url = excluded.url, type = excluded.type, " +
        "state = excluded.state, status = excluded.status, labels = excluded.labels, parent_key = excluded.parent_key, milestone = excluded.milestone, " +
        "components = excluded.components, assignee = excluded.assignee, assignee_email = excluded.assignee_email, estimate = excluded.estimate, " +
        "created = excluded.created, updated = excluded.updated, updated_utc_ticks = excluded.updated_utc_ticks, closed = excluded.closed, " +
        "is_pull_request = excluded.is_pull_request, body = excluded.body, hash = excluded.hash, change_seq = excluded.change_seq " +
        "WHERE items.updated_utc_ticks <= excluded.updated_utc_ticks AND items.hash <> excluded.hash;";

    /// <summary>The tracker's API is the authority: any change replaces the stored row, whatever its <c>updated</c>.</summary>
    public const string UpsertFromTracker =

        "INSERT INTO items (" + Columns + ", change_seq) VALUES ($key, $source, $container, $title, $url, $type, $state, $status, $labels, $parent_key, $milestone, $components, $assignee, $assignee_email, $estimate, $created, $updated, $updated_utc_ticks, $closed, $is_pull_request, $body, $hash, $change_seq) " +
        "ON CONFLICT (key) DO UPDATE SET source = excluded.source, container = excluded.container, title = excluded.title, url = excluded.url, type = excluded.type, " +
        "state = excluded.state, status = excluded.status, labels = excluded.labels, parent_key = excluded.parent_key, milestone = excluded.milestone, " +
        "components = excluded.components, assignee = excluded.assignee, assignee_email = excluded.assignee_email, estimate = excluded.estimate, " +
        "created = excluded.created, updated = excluded.updated, updated_utc_ticks = excluded.updated_utc_ticks, closed = excluded.closed, " +
        "is_pull_request = excluded.is_pull_request, body = excluded.body, hash = excluded.hash, change_seq = excluded.change_seq " +
        "WHERE items.hash <> excluded.hash;";

    /// <summary>The next change number, taken once by each write transaction (see <see cref="SqliteSchema"/>, version 6).</summary>
    public const string NextChange = "UPDATE item_changes SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence;";

    public static void Bind(SqliteCommand command, PreparedItem prepared, long changeSequence)
    {
        var item = prepared.Item;
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$key", item.Key);
        p.AddWithValue("$source", item.Source.Value);
        p.AddWithValue("$container", item.Container);
        p.AddWithValue("$title", item.Title);
        p.AddWithValue("$url", item.Url);
        p.AddWithValue("$type", item.Type);
        p.AddWithValue("$state", item.State.ToName());
        p.AddWithValue("$status", item.Status);
        p.AddWithValue("$labels", StringListJson.Serialize(item.Labels));
        p.AddWithValue("$parent_key", (object?)item.ParentKey ?? DBNull.Value);
        p.AddWithValue("$milestone", (object?)item.Milestone ?? DBNull.Value);
        p.AddWithValue("$components", StringListJson.Serialize(item.Components));
        p.AddWithValue("$assignee", (object?)item.Assignee ?? DBNull.Value);
        p.AddWithValue("$assignee_email", (object?)item.AssigneeEmail ?? DBNull.Value);
        p.AddWithValue("$estimate", (object?)item.Estimate ?? DBNull.Value);
        p.AddWithValue("$created", StoredTime.Format(item.Created));
        p.AddWithValue("$updated", StoredTime.Format(item.Updated));
        p.AddWithValue("$updated_utc_ticks", item.Updated.UtcTicks);
        p.AddWithValue("$closed", item.Closed is { } closed ? StoredTime.Format(closed) : DBNull.Value);
        p.AddWithValue("$is_pull_request", item.IsPullRequest ? 1 : 0);
        p.AddWithValue("$body", (object?)item.Body ?? DBNull.Value);
        p.AddWithValue("$hash", prepared.Hash);
        p.AddWithValue("$change_seq", changeSequence);
    }

    public static WorkItem Read(SqliteDataReader row) => new()
    {
        Key = row.GetString(0),
        Source = new SourceKind(row.GetString(1)),
        Container = row.GetString(2),
        Title = row.GetString(3),
        Url = row.GetString(4),
        Type = row.GetString(5),
        State = StateCategoryNames.TryParse(row.GetString(6), out var state) ? state : StateCategory.Todo,
        Status = row.GetString(7),
        Labels = StringListJson.Deserialize(row.GetString(8)),
        ParentKey = Optional(row, 9),
        Milestone = Optional(row, 10),
        Components = StringListJson.Deserialize(row.GetString(11)),
        Assignee = Optional(row, 12),
        AssigneeEmail = Optional(row, 13),
        Estimate = row.IsDBNull(14) ? null : row.GetDouble(14),
        Created = StoredTime.Parse(row.GetString(15)),
        Updated = StoredTime.Parse(row.GetString(16)),
        Closed = StoredTime.ParseOptional(Optional(row, 18)),
        IsPullRequest = row.GetInt64(19) != 0,
        Body = Optional(row, 20),
    };

    private static string? Optional(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
