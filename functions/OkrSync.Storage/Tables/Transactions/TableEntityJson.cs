using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace OkrSync.Storage.Tables.Transactions;

/// <summary>
/// Writes an entity as the JSON body of an insert or update (OData, no metadata): each property as itself, with an
/// <c>@odata.type</c> annotation for the types JSON cannot tell apart (Int64, Double, DateTime, Guid, Binary), as the
/// Table service documents. Null values are left out (Table Storage has no null property).
/// </summary>
internal static class TableEntityJson
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        if (entity is not TableEntity properties)
        {
            throw new NotSupportedException($"Only TableEntity can be written in a transaction, not {entity.GetType().Name}.");
        }

        foreach (var (name, value) in properties)
        {
            if (value is not null && !Reserved.Contains(name) && !name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                WriteProperty(writer, name, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            case long number:
                Typed(writer, name, "Edm.Int64");
                writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                Typed(writer, name, "Edm.Double");
                if (double.IsFinite(number))
                {
                    writer.WriteNumber(name, number);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                }
                break;
            case DateTimeOffset moment:
                Typed(writer, name, "Edm.DateTime");
                writer.WriteString(name, moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTime moment:
                Typed(writer, name, "Edm.DateTime");
                writer.WriteString(name, moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case Guid id:
                Typed(writer, name, "Edm.Guid");
                writer.WriteString(name, id);
                break;
            case byte[] bytes:
                Typed(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Typed(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            default:
                throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which Table Storage transactions here do not write.");
        }
    }

    private static void Typed(Utf8JsonWriter writer, string name, string type) => writer.WriteString(name + "@odata.type", type);
}
