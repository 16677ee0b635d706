using Azure.Data.Tables;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Cuts write actions into entity group transactions that real Table Storage accepts: one partition per batch
/// (Azurite tolerates mixed partitions, the service rejects them), at most 100 actions, and a request body under
/// 4 MiB. The body size is estimated pessimistically from the JSON the SDK sends: non-ASCII and escaped characters
/// count 6 bytes (<c>\uXXXX</c>), binary counts its base64 length, and each action adds a fixed multipart overhead.
/// </summary>
internal static class TableBatches
{
    public const int MaxActions = 100;
    public const int MaxPayloadBytes = 3_500_000; // the limit is 4 MiB; the rest is headroom for headers
    private const int ActionOverheadBytes = 1_024;

    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Chunk(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>(MaxActions);
            var bytes = 0;
            foreach (var action in partition)
            {
                var size = EstimateBytes(action.Entity);
                if (batch.Count == MaxActions || (batch.Count > 0 && bytes + size > MaxPayloadBytes))
                {
                    yield return batch;
                    batch = new List<TableTransactionAction>(MaxActions);
                    bytes = 0;
                }

                batch.Add(action);
                bytes += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    public static int EstimateBytes(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var total = ActionOverheadBytes + (2 * (Json(entity.PartitionKey) + Json(entity.RowKey)));
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                total += name.Length + 40 + value switch
                {
                    string text => Json(text),
                    byte[] binary => ((binary.Length + 2) / 3 * 4) + 16,
                    BinaryData data => ((data.ToMemory().Length + 2) / 3 * 4) + 16,
                    _ => 48,
                };
            }
        }

        return total;
    }

    private static int Json(string text)
    {
        var bytes = 2;
        foreach (var c in text)
        {
            bytes += c is >= ' ' and <= '~' and not '"' and not '\\' and not '<' and not '>' and not '&' and not '\'' and not '+' and not '`' ? 1 : 6;
        }

        return bytes;
    }
}
