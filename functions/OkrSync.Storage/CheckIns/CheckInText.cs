using System.Globalization;
using OkrSync.Core.Metrics;

namespace OkrSync.Storage.CheckIns;

/// <summary>How both stores write a check-in's fields as text: values round-trip, confidence by its name.</summary>
internal static class CheckInText
{
    public static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string? Confidence(Confidence? confidence) => confidence?.ToName();

    public static Confidence? Confidence(string? text) => ConfidenceNames.TryParse(text, out var confidence) ? confidence : null;

    /// <summary>The order check-ins are read in: by instant measured, then by when recorded.</summary>
    public static IEnumerable<CheckIn> Ordered(IEnumerable<CheckIn> checkIns) =>
        checkIns.OrderBy(c => c.MetricId, StringComparer.Ordinal).ThenBy(c => c.At.UtcTicks).ThenBy(c => c.RecordedAt.UtcTicks).ThenBy(c => c.Value);
}
