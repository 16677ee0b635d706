using System.Text;
using System.Text.Json;

namespace OkrSync.Storage.Tables.Transactions;

/// <summary>
/// Reads the <c>202 Accepted</c> answer of an entity group transaction: a <c>multipart/mixed</c> body with one
/// <c>HTTP/1.1 …</c> status line per action when the change set committed, or a single failed status (the action
/// that failed, its index as the prefix of the error message, <c>"3:The specified entity already exists…"</c>) when
/// nothing was applied.
/// </summary>
internal static class EntityTransactionResponse
{
    private static readonly byte[] StatusLine = "HTTP/1.1 "u8.ToArray();

    public static TransactionOutcome Read(ReadOnlySpan<byte> body)
    {
        var statuses = 0;
        TransactionFailure? failure = null;
        var at = 0;
        while (at < body.Length)
        {
            var found = body[at..].IndexOf(StatusLine);
            if (found < 0)
            {
                break;
            }

            var start = at + found;
            at = start + StatusLine.Length;
            if (start > 0 && body[start - 1] != (byte)'\n')
            {
                continue; // not at the start of a line: part of some text
            }

            if (body.Length - at < 3 || !int.TryParse(body.Slice(at, 3), out var status))
            {
                continue;
            }

            statuses++;
            if (status >= 400 && failure is null)
            {
                failure = ReadFailure(status, body[at..]);
            }
        }

        return new TransactionOutcome(statuses, failure);
    }

    /// <summary>The error of a failed part: its status, and the OData error's code and message from its JSON body.</summary>
    private static TransactionFailure ReadFailure(int status, ReadOnlySpan<byte> part)
    {
        var headersEnd = part.IndexOf("\r\n\r\n"u8);
        var bodyStart = headersEnd >= 0 ? headersEnd + 4 : -1;
        if (bodyStart < 0 && part.IndexOf("\n\n"u8) is >= 0 and var lf)
        {
            bodyStart = lf + 2;
        }

        if (bodyStart < 0)
        {
            return new TransactionFailure(status, null, "The transaction failed with status " + status + ".");
        }

        var rest = part[bodyStart..];
        var end = rest.IndexOf("\n--"u8);
        var json = (end >= 0 ? rest[..end] : rest).TrimEnd("\r\n"u8);
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v)
                    ? v.GetString()
                    : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return new TransactionFailure(status, code, message ?? "The transaction failed with status " + status + ".");
            }
        }
        catch (JsonException)
        {
            // not JSON (an XML or text error): the text itself is the message
        }

        return new TransactionFailure(status, null, Encoding.UTF8.GetString(json));
    }
}

/// <summary>What a transaction's answer said: how many actions it answered, and the failure, if one failed.</summary>
internal readonly record struct TransactionOutcome(int Answered, TransactionFailure? Failure);

internal sealed record TransactionFailure(int Status, string? ErrorCode, string Message);
