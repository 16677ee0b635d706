using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace OkrSync.Storage.Tables.Transactions;

/// <summary>
/// The body of an entity group transaction (<c>POST {endpoint}/$batch</c>), as the Table service documents it: a
/// <c>multipart/mixed</c> batch holding one change set, each action an <c>application/http</c> part with its own
/// request line, headers and JSON entity. Written straight into a pooled buffer: no per-action request objects, no
/// header dictionaries, no intermediate strings of the entity.
/// </summary>
internal static class EntityTransactionBody
{
    private static readonly JsonWriterOptions JsonOptions = new() { SkipValidation = true };

    /// <summary>Writes the body; returns the request's Content-Type (with the batch boundary).</summary>
    public static string Write(PooledBuffer buffer, string tableUrl, IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(actions);
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeSet = "changeset_" + Guid.NewGuid().ToString("D");
        Ascii(buffer, "--" + batch + "\r\nContent-Type: multipart/mixed; boundary=" + changeSet + "\r\n\r\n");
        using var json = new Utf8JsonWriter(buffer, JsonOptions);
        foreach (var action in actions)
        {
            Ascii(buffer, "--" + changeSet + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            var (method, withEntity, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", true, null),
                TableTransactionActionType.UpsertReplace => ("PUT", true, null),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, null),
                TableTransactionActionType.UpdateReplace => ("PUT", true, IfMatch(action.ETag)),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, IfMatch(action.ETag)),
                TableTransactionActionType.Delete => ("DELETE", false, IfMatch(action.ETag)),
                _ => throw new NotSupportedException($"Transaction action {action.ActionType} is not supported."),
            };

            Ascii(buffer, method);
            Ascii(buffer, " ");
            Utf8(buffer, tableUrl);
            if (action.ActionType != TableTransactionActionType.Add)
            {
                Ascii(buffer, "(PartitionKey='");
                Utf8(buffer, EscapeKey(action.Entity.PartitionKey));
                Ascii(buffer, "',RowKey='");
                Utf8(buffer, EscapeKey(action.Entity.RowKey));
                Ascii(buffer, "')");
            }

            Ascii(buffer, " HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                Ascii(buffer, "If-Match: ");
                Utf8(buffer, ifMatch);
                Ascii(buffer, "\r\n");
            }

            if (withEntity)
            {
                Ascii(buffer, "Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
                json.Reset(buffer);
                TableEntityJson.Write(json, action.Entity);
                json.Flush();
                Ascii(buffer, "\r\n");
            }
            else
            {
                Ascii(buffer, "\r\n");
            }
        }

        Ascii(buffer, "--" + changeSet + "--\r\n--" + batch + "--\r\n");
        return "multipart/mixed; boundary=" + batch;
    }

    /// <summary>A key inside <c>(PartitionKey='…')</c>: quotes doubled (OData), then percent-encoded for the URL.</summary>
    public static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    /// <summary>The version as the service sent it (<c>W/"datetime'…'"</c>); none known matches any (<c>*</c>).</summary>
    private static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString();

    private static void Ascii(PooledBuffer buffer, string text)
    {
        var span = buffer.GetSpan(text.Length);
        var count = Encoding.ASCII.GetBytes(text, span);
        buffer.Advance(count);
    }

    private static void Utf8(PooledBuffer buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
