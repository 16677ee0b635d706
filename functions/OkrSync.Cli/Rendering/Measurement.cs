using OkrSync.Core.Metrics;
using OkrSync.Core.Reports;

namespace OkrSync.Cli.Rendering;

/// <summary>Where a key result's current value came from and when it was measured, as the reports print it.</summary>
internal static class Measurement
{
    /// <summary><c>from check-in, measured 2026-11-30, at-risk: "note"</c>; <c>from yaml, measurement date unknown</c>.</summary>
    public static string Describe(OutcomeJson outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var source = outcome.Source ?? (outcome.Current is null ? MetricOrigins.None : MetricOrigins.Yaml);
        if (source == MetricOrigins.None)
        {
            return "never measured";
        }
        var when = outcome.MeasuredAt is { } at ? $"measured {Bars.Date(at)}" : "measurement date unknown";
        var confidence = outcome.Confidence is { } c ? $", {c}" : "";
        var note = outcome.Note is { } n ? $": \"{n}\"" : "";
        return $"from {source}, {when}{confidence}{note}";
    }

    /// <summary>The line under the title saying which commit the strategy came from, or null for a local file.</summary>
    public static string? Commit(ReportDocument report) =>
        report?.StrategyCommit is { } sha ? $"strategy from commit {sha[..Math.Min(12, sha.Length)]}" : null;
}
