using OkrSync.Core.Metrics;

namespace OkrSync.Cli.Demo;

/// <summary>
/// The demo's check-ins: six weekly measurements of three key results, ending with the file's <c>current</c>, dated from
/// the start of today so that running the demo again records nothing new. Time to value stays flat while its work gets
/// done (an <c>outputs-without-outcome</c> with a trend), activation climbs, p95 latency falls.
/// </summary>
internal static class DemoCheckIns
{
    private static readonly (string Id, double[] Values, string Note)[] Series =
    [
        ("activation", [22, 23, 24, 25.5, 26, 27], "from the product analytics weekly export"),
        ("time-to-value", [72, 72, 71, 71, 70, 70], "median over the week's new workspaces"),
        ("p95-latency", [800, 720, 650, 590, 540, 520], "from the RUM dashboard"),
    ];

    public static IEnumerable<CheckIn> For(DateTimeOffset today)
    {
        foreach (var (id, values, note) in Series)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var at = today.AddDays(-7 * (values.Length - 1 - i)).AddHours(-15);
                yield return new CheckIn(id, values[i], at)
                {
                    Note = i == values.Length - 1 ? note : null,
                    Confidence = id == "time-to-value" && i >= 3 ? Confidence.AtRisk : Confidence.OnTrack,
                    By = "demo",
                    RecordedAt = at,
                };
            }
        }
    }
}
