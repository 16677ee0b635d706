using System.Globalization;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Options of <c>report</c>: <c>--sizes 10000,50000,100000</c> (full + idle sync), <c>--align-sizes 10000,100000,1000000</c>,
/// <c>--webhook-events 500,5000</c>, <c>--webhook-rate 100</c> (events per second), <c>--webhook-stored 100000</c>,
/// <c>--parts sync,webhooks,align</c>, <c>--no-sequential-ceiling</c>, <c>--gc server|workstation</c> (default: as okrsync), <c>--out artifacts/benchmarks</c> (relative to the
/// repository root).
/// </summary>
internal sealed record ReportOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 50_000, 100_000];

    public IReadOnlyList<int> AlignSizes { get; init; } = [10_000, 100_000, 1_000_000];

    public IReadOnlyList<int> WebhookEvents { get; init; } = [500, 5_000];

    public double WebhookRate { get; init; } = 100;

    public int WebhookStored { get; init; } = 100_000;

    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(["sync", "webhooks", "align"], StringComparer.Ordinal);

    public bool SequentialCeiling { get; init; } = true;

    /// <summary>GC of the measured processes: <c>server</c> or <c>workstation</c>; null runs them as okrsync runs (its runtimeconfig).</summary>
    public string? Gc { get; init; }

    /// <summary>Environment that gives a measured process the chosen GC.</summary>
    public IEnumerable<KeyValuePair<string, string>> GcEnvironment() => Gc switch
    {
        null => OkrSyncRuntime.GcEnvironment(),
        "server" => [new("DOTNET_gcServer", "1")],
        "workstation" => [new("DOTNET_gcServer", "0")],
        _ => throw new ArgumentException("--gc server|workstation"),
    };

    public string Out { get; init; } = Path.Combine("artifacts", "benchmarks");

    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ReportOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Numbers(Next()) },
                "--align-sizes" => options with { AlignSizes = Numbers(Next()) },
                "--webhook-events" => options with { WebhookEvents = Numbers(Next()) },
                "--webhook-rate" => options with { WebhookRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--webhook-stored" => options with { WebhookStored = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--parts" => options with { Parts = new HashSet<string>(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal) },
                "--no-sequential-ceiling" => options with { SequentialCeiling = false },
                "--out" => options with { Out = Next() },
                "--gc" => options with { Gc = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))];
}
