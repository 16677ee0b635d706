using System.Text.Json;
using System.Text.Json.Serialization;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Metrics;

namespace OkrSync.Web.Api;

/// <summary>
/// <c>POST /api/check-ins</c> (JSON <c>{id, value, at?, confidence?, note?, by?}</c>; state-changing: the function key
/// in Azure, the admin key in <c>serve</c>) records a check-in and recomputes the report; <c>GET /api/check-ins?id=…</c>
/// lists a metric's check-ins, oldest first. Shared by <c>serve</c> and the function app.
/// </summary>
public static class CheckInApi
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly string[] Fields = ["id", "value", "at", "confidence", "note", "by"];

    public static async Task<IResult> PostAsync(HttpRequest request, ICheckInLog log, StrategyProvider strategy, LiveReport live, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(live);
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return ReadApi.Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        }
        if (Parse(body, out var fields) is { } bad)
        {
            return ReadApi.Error(StatusCodes.Status400BadRequest, bad);
        }
        try
        {
            var index = await strategy.GetAsync(cancellationToken);
            var check = CheckInInput.Check(index.Strategy, fields.Id, fields.Value, fields.At, fields.Confidence, fields.Note, fields.By, clock.GetUtcNow());
            if (check.CheckIn is not { } checkIn)
            {
                return ReadApi.Error(check.UnknownId ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest, check.Error!);
            }
            var recorded = await log.AppendCheckInAsync(checkIn, cancellationToken);
            if (recorded)
            {
                await live.RecomputeAsync(cancellationToken);
            }
            var json = JsonSerializer.Serialize(CheckInJson.From(checkIn) with { Recorded = recorded }, CheckInJsonContext.Default.CheckInJson);
            return Results.Text(json, "application/json", statusCode: recorded ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (StrategyUnavailableException e)
        {
            return ReadApi.Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    public static async Task<IResult> ListAsync(HttpRequest request, ICheckInLog log, StrategyProvider strategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(strategy);
        var id = request.Query["id"].ToString().Trim();
        if (id.Length == 0)
        {
            return ReadApi.Error(StatusCodes.Status400BadRequest, "give the metric: /api/check-ins?id=KR_OR_SIGNAL_ID");
        }
        var checkIns = new List<CheckInJson>();
        await foreach (var checkIn in log.ReadCheckInsAsync(id, cancellationToken))
        {
            checkIns.Add(CheckInJson.From(checkIn));
        }
        if (checkIns.Count == 0)
        {
            try
            {
                if (MeasuredMetrics.Find((await strategy.GetAsync(cancellationToken)).Strategy, id) is null)
                {
                    return ReadApi.Error(StatusCodes.Status404NotFound, $"no key result or position signal '{id}' with a metric in the strategy, and no check-ins for it");
                }
            }
            catch (StrategyUnavailableException e)
            {
                return ReadApi.Error(StatusCodes.Status503ServiceUnavailable, e.Message);
            }
        }
        return Results.Text(JsonSerializer.Serialize(new CheckInListJson(id, checkIns), CheckInJsonContext.Default.CheckInListJson), "application/json");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (await request.Body.ReadAsync(chunk, cancellationToken) is var n and > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The fields of the body, or the first thing wrong with it.</summary>
    private static string? Parse(byte[] body, out CheckInFields fields)
    {
        fields = new CheckInFields();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return $"the body is not valid JSON ({e.Message}); send {{\"id\": \"kr-…\", \"value\": 29.5}}";
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "the body must be a JSON object: {\"id\", \"value\", \"at\"?, \"confidence\"?, \"note\"?, \"by\"?}";
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                {
                    return $"unknown field '{property.Name}': a check-in has {string.Join(", ", Fields)}";
                }
                var v = property.Value;
                if (property.Name == "value")
                {
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var number))
                    {
                        return $"'value' must be a number, not {Shorten(v.GetRawText())}";
                    }
                    fields = fields with { Value = number };
                    continue;
                }
                if (v.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                if (v.ValueKind != JsonValueKind.String)
                {
                    return $"'{property.Name}' must be a string, not {Shorten(v.GetRawText())}";
                }
                var text = v.GetString();
                fields = property.Name switch
                {
                    "id" => fields with { Id = text },
                    "at" => fields with { At = text },
                    "confidence" => fields with { Confidence = text },
                    "note" => fields with { Note = text },
                    _ => fields with { By = text },
                };
            }
        }
        if (fields.Id is null)
        {
            return "'id' is required: the id of a key result or position signal";
        }
        return fields.Value is null ? "'value' is required: the measured number" : null;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private sealed record CheckInFields(string? Id = null, double? Value = null, string? At = null, string? Confidence = null, string? Note = null, string? By = null);
}

/// <summary>One check-in in the API.</summary>
public sealed record CheckInJson(string Id, double Value, DateTimeOffset At, string? Confidence, string? Note, string? By, string Source, DateTimeOffset RecordedAt)
{
    /// <summary>In a POST's answer: false when the same check-in was already recorded (nothing was written).</summary>
    public bool? Recorded { get; init; }

    public static CheckInJson From(CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return new(checkIn.MetricId, checkIn.Value, checkIn.At, checkIn.Confidence?.ToName(), checkIn.Note, checkIn.By, checkIn.Origin, checkIn.RecordedAt);
    }
}

public sealed record CheckInListJson(string Id, IReadOnlyList<CheckInJson> CheckIns);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckInJson))]
[JsonSerializable(typeof(CheckInListJson))]
internal sealed partial class CheckInJsonContext : JsonSerializerContext;
