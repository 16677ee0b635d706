using System.Globalization;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Core.Digest;

/// <summary>
/// For the weekly e-mail: each flagged key result (the subject of an <c>outputs-without-outcome</c>, <c>unbacked-kr</c>,
/// <c>outcome-unmeasured</c> or <c>metric-source-failed</c> finding in the digest) with its output and outcome over the
/// last weeks, from the weekly snapshots and this week's report, as one line per key result.
/// </summary>
public static class KeyResultWeeks
{
    public const string Kind = "key-result-weeks";

    private static readonly HashSet<string> Flags = [FindingKinds.OutputsWithoutOutcome, FindingKinds.UnbackedKeyResult, FindingKinds.OutcomeUnmeasured, FindingKinds.MetricSourceFailed];

    public static IReadOnlyList<DigestFinding> For(IEnumerable<FindingJson> findings, ReportDocument report, IReadOnlyList<WeeklySnapshot> earlier, int weeks)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(earlier);
        var flagged = findings.Where(f => Flags.Contains(f.Kind)).Select(f => f.Subject).ToHashSet(StringComparer.Ordinal);
        var now = WeeklySnapshot.From(report);
        var series = earlier.TakeLast(Math.Max(0, weeks - 1)).Append(now).ToList();
        var lines = new List<DigestFinding>();
        foreach (var keyResult in report.KeyResults.Where(k => flagged.Contains(k.Id)))
        {
            var cells = series
                .Select(s => (s.IsoWeek, Trend: s.KeyResults.FirstOrDefault(k => k.Id == keyResult.Id)))
                .Where(p => p.Trend is not null)
                .Select(p => $"{DigestFormat.ShortWeek(p.IsoWeek)} output {DigestFormat.Percent(p.Trend!.OutputRatio)}, outcome {Outcome(p.Trend)}");
            lines.Add(new DigestFinding(Kind, keyResult.Id, $"{keyResult.Title}: {string.Join(" · ", cells)}", null));
        }
        return lines;
    }

    private static string Outcome(KeyResultTrend trend) => trend.Current is { } value
        ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : trend.OutcomeRatio is { } ratio ? DigestFormat.Percent(ratio) + " of the way" : "not measured";
}
