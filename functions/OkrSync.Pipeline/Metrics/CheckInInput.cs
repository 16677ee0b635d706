using System.Globalization;
using OkrSync.Core.Metrics;
using OkrSync.Core.Strategy;

namespace OkrSync.Pipeline.Metrics;

/// <summary>
/// A check-in as a person gives it (the CLI's arguments, the API's JSON body), checked against the strategy: the id must
/// name a key result or position signal with a metric; the value a finite number; <c>at</c> (default now) an ISO-8601
/// date-time with an offset, or a date (midnight UTC), not in the future; the confidence one of
/// <c>on-track</c>, <c>at-risk</c>, <c>off-track</c>. Each problem is one sentence naming the field.
/// </summary>
public static class CheckInInput
{
    public const int MaxNoteLength = 2_000;
    public const int MaxByLength = 200;

    /// <summary>How far ahead of the clock <c>at</c> may be (clock skew between machines).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static CheckInCheck Check(StrategyDocument strategy, string? id, double? value, string? at, string? confidence, string? note, string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (string.IsNullOrWhiteSpace(id))
        {
            return CheckInCheck.Invalid("'id' is required: the id of a key result or position signal");
        }
        if (MeasuredMetrics.Find(strategy, id.Trim()) is not { } metric)
        {
            var known = MeasuredMetrics.Of(strategy).Select(m => m.Id).ToList();
            var hint = known.Count == 0 ? "the strategy has no metrics" : $"its metrics: {string.Join(", ", known.Take(12))}{(known.Count > 12 ? ", …" : "")}";
            var what = strategy.KeyResults.Any(k => k.Id == id.Trim()) ? $"key result '{id}' has no metric to check in" : $"no key result or position signal '{id}' in the strategy";
            return CheckInCheck.Unknown($"{what} ({hint})");
        }
        if (value is not { } number || !double.IsFinite(number))
        {
            return CheckInCheck.Invalid("'value' must be a number, e.g. 29.5");
        }
        var measured = now;
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (ParseTime(at) is not { } parsed)
            {
                return CheckInCheck.Invalid($"'at' must be an ISO-8601 date-time with an offset (2026-11-30T09:00:00Z) or a date (2026-11-30), not '{at}'");
            }
            if (parsed > now + FutureTolerance)
            {
                return CheckInCheck.Invalid($"'at' ({parsed:O}) is in the future: a check-in records a value already measured");
            }
            measured = parsed;
        }
        Confidence? level = null;
        if (!string.IsNullOrWhiteSpace(confidence))
        {
            if (!ConfidenceNames.TryParse(confidence, out var parsed))
            {
                return CheckInCheck.Invalid($"'confidence' must be one of {string.Join(", ", ConfidenceNames.All)}, not '{confidence}'");
            }
            level = parsed;
        }
        if (note is { Length: > MaxNoteLength })
        {
            return CheckInCheck.Invalid($"'note' is {note.Length} characters; at most {MaxNoteLength}");
        }
        if (by is { Length: > MaxByLength })
        {
            return CheckInCheck.Invalid($"'by' is {by.Length} characters; at most {MaxByLength}");
        }
        return CheckInCheck.Ok(
            new CheckIn(metric.Id, number, measured)
            {
                Confidence = level,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                By = string.IsNullOrWhiteSpace(by) ? null : by.Trim(),
                RecordedAt = now,
            },
            metric);
    }

    /// <summary>A number as people write it in a command line or a setting: invariant culture.</summary>
    public static double? ParseNumber(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public static DateTimeOffset? ParseTime(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 19 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }
}

/// <summary>The check of a check-in: the check-in (and its metric), or why not (<see cref="UnknownId"/>: the id names no metric).</summary>
public sealed record CheckInCheck(CheckIn? CheckIn, MeasuredMetric? Metric, string? Error, bool UnknownId)
{
    public static CheckInCheck Ok(CheckIn checkIn, MeasuredMetric metric) => new(checkIn, metric, null, false);

    public static CheckInCheck Invalid(string error) => new(null, null, error, false);

    public static CheckInCheck Unknown(string error) => new(null, null, error, true);
}
