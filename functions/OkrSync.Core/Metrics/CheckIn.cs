using System.Globalization;

namespace OkrSync.Core.Metrics;

/// <summary>
/// One measurement of a metric (a key result's, or a bet's position signal's): <see cref="Value"/> as measured at
/// <see cref="At"/>. Check-ins are append-only; two with the same <see cref="MetricId"/>, <see cref="At"/> (as an
/// instant) and <see cref="Value"/> are the same check-in (<see cref="IdentityKey"/>), so a retry records nothing new.
/// <see cref="Source"/> is null for a check-in made by a person (CLI, API), else the metric source that pulled it.
/// </summary>
public sealed record CheckIn
{
    public CheckIn(string metricId, double value, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricId);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a check-in value must be a finite number");
        }
        MetricId = metricId;
        Value = value;
        At = at;
    }

    public string MetricId { get; }

    public double Value { get; }

    /// <summary>When the value was measured (not when it was recorded).</summary>
    public DateTimeOffset At { get; }

    public Confidence? Confidence { get; init; }

    public string? Note { get; init; }

    /// <summary>Who checked in (free text: a name or e-mail), when known.</summary>
    public string? By { get; init; }

    /// <summary>The metric source that pulled this value (e.g. <c>http https://…#/data/value</c>); null for a person's check-in.</summary>
    public string? Source { get; init; }

    /// <summary>When the store received it; breaks ties between check-ins measured at the same instant.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>What makes two check-ins the same: id, the instant (UTC ticks) and the value (round-trip text).</summary>
    public string IdentityKey => string.Create(CultureInfo.InvariantCulture, $"{MetricId}|{At.UtcTicks:D19}|{Value:R}");

    /// <summary>Where the value came from, for people: <c>check-in</c>, or the source's name.</summary>
    public string Origin => Source ?? MetricOrigins.CheckIn;
}

/// <summary>How sure the person checking in is that the key result will land: <c>on-track</c>, <c>at-risk</c>, <c>off-track</c>.</summary>
public enum Confidence
{
    OnTrack,
    AtRisk,
    OffTrack,
}

public static class ConfidenceNames
{
    public static IReadOnlyList<string> All { get; } = ["on-track", "at-risk", "off-track"];

    public static string ToName(this Confidence confidence) => All[(int)confidence];

    public static bool TryParse(string? text, out Confidence confidence)
    {
        var index = text is null ? -1 : All.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        confidence = index < 0 ? default : (Confidence)index;
        return index >= 0;
    }
}

/// <summary>The names of where a metric's current value came from, as reports show them.</summary>
public static class MetricOrigins
{
    /// <summary>The strategy file's <c>current</c>.</summary>
    public const string Yaml = "yaml";

    /// <summary>A person's check-in (CLI or API).</summary>
    public const string CheckIn = "check-in";

    /// <summary>No value anywhere.</summary>
    public const string None = "none";
}
