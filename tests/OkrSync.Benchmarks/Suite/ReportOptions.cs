using System.Globalization;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// Options of <c>report</c>: <c>--sizes 10000,50000,100000</c> (full + idle sync), <c>--align-sizes 10000,100000,1000000</c>,
/// <c>--webhook-runs 10000:500,100000:500,100000:5000</c> (stored items : events), <c>--webhook-rate 10</c> (events per
/// second), <c>--no-rollup-poll</c>, <c>--rollup-probe</c>, <c>--webhook-stores tables,sqlite</c>, <c>--two-instance-runs 100000:500</c>,
/// <c>--azurite-heap-mb 12288</c>, <c>--parts sync,webhooks,webhooks2,align</c>, <c>--no-sequential-ceiling</c>, <c>--sync-runs 3</c>, <c>--sync-warm-runs 0</c>, <c>--gc server|workstation</c> (default: as okrsync), <c>--out artifacts/benchmarks</c> (relative to the
/// repository root).
/// </summary>
internal sealed record ReportOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 50_000, 100_000];

    public IReadOnlyList<int> AlignSizes { get; init; } = [10_000, 100_000, 1_000_000];

    /// <summary>Webhook runs as (stored items, events): one okrsync serve per stored size, its runs in order.</summary>
    public IReadOnlyList<(int Stored, int Events)> WebhookRuns { get; init; } = [(10_000, 500), (100_000, 500), (100_000, 5_000)];

    /// <summary>Events per second, sent open-loop.</summary>
    public double WebhookRate { get; init; } = 10;

    /// <summary>Poll <c>/api/rollup</c> during webhook runs (visibility); off measures the 202s without the poll's load.</summary>
    public bool RollupPoll { get; init; } = true;

    /// <summary>
    /// How visibility is probed: <c>items</c> (default) asks <c>/api/items/{key}</c> for the oldest event not yet seen, a
    /// read a user or tracker makes (cheap); <c>rollup</c> (<c>--rollup-probe</c>) polls the whole <c>/api/rollup</c>
    /// report, which at 100,000 items is megabytes per poll and so loads the server it measures.
    /// </summary>
    public bool ProbeRollup { get; init; }

    /// <summary>The stores every webhook run happens on, in order: <see cref="WebhookStores.Tables"/> and/or <see cref="WebhookStores.Sqlite"/>.</summary>
    public IReadOnlyList<string> WebhookStores { get; init; } = [Suite.WebhookStores.Tables, Suite.WebhookStores.Sqlite];

    /// <summary>Two-instance runs (part <c>webhooks2</c>) as (stored items, events), on Azurite.</summary>
    public IReadOnlyList<(int Stored, int Events)> TwoInstanceRuns { get; init; } = [(100_000, 500)];

    /// <summary>Azurite's V8 heap limit for the webhook parts (<c>--max-old-space-size</c>): its tables live in memory, about 1-2 KB per item.</summary>
    public int AzuriteHeapMb { get; init; } = 12_288;

    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(["sync", "webhooks", "webhooks2", "align"], StringComparer.Ordinal);

    public bool SequentialCeiling { get; init; } = true;

    /// <summary>How many times each size's sync runs (<c>--sync-runs</c>); the fastest is reported, as the ceiling's fastest is.</summary>
    public int SyncRuns { get; init; } = 3;

    /// <summary>
    /// How many more times each size's sync runs in a warm process (<c>--sync-warm-runs</c>, default 0): the sync
    /// process first syncs and realigns the same fleet into a private Azurite, then runs the measured sync.
    /// </summary>
    public int SyncWarmRuns { get; init; }

    /// <summary>GC of the measured processes: <c>server</c> or <c>workstation</c>; null runs them as okrsync runs (its runtimeconfig).</summary>
    public string? Gc { get; init; }

    /// <summary>Environment that gives a measured process the chosen GC.</summary>
    public IEnumerable<KeyValuePair<string, string>> RuntimeEnvironment() => Gc switch
    {
        null => OkrSyncRuntime.RuntimeEnvironment(),
        "server" => OkrSyncRuntime.RuntimeEnvironment(server: true),
        "workstation" => OkrSyncRuntime.RuntimeEnvironment(server: false),
        _ => throw new ArgumentException("--gc server|workstation"),
    };

    public string Out { get; init; } = Path.Combine("artifacts", "benchmarks");

    public const string Usage = """
        usage: report [options]            run the benchmark's parts and write report.md and report.json
               report --render PATH        print the markdown of a saved report.json again

          --parts sync,webhooks,webhooks2,align   which parts run (default: all four)
          --sizes 10000,50000,100000              items per full + idle sync
          --sync-runs 3                           sync runs per size; the fastest is reported
          --sync-warm-runs 0                      more sync runs per size in a process that has synced once already
          --no-sequential-ceiling                 skip the 1-at-a-time ceiling
          --align-sizes 10000,100000,1000000      items per align + rollup measurement
          --webhook-runs 10000:500,100000:500     stored items : events, per webhook run
          --webhook-rate 10                       events per second, sent open-loop
          --webhook-stores tables,sqlite          stores the webhook runs use
          --no-rollup-poll                        do not probe visibility during webhook runs
          --rollup-probe                          probe visibility through /api/rollup instead of /api/items/{key}
          --two-instance-runs 100000:500          stored items : events, two serve processes on one Azurite
          --azurite-heap-mb 12288                 Azurite's V8 heap limit for the webhook parts
          --gc server|workstation                 GC of the measured processes (default: as okrsync runs)
          --out artifacts/benchmarks              output folder, relative to the repository root
        """;

    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ReportOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Numbers(Next()) },
                "--align-sizes" => options with { AlignSizes = Numbers(Next()) },
                "--webhook-runs" => options with { WebhookRuns = Pairs(Next()) },
                "--webhook-rate" => options with { WebhookRate = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : throw new ArgumentException($"--webhook-rate needs a positive number of events per second, not '{args[i]}'.") },
                "--no-rollup-poll" => options with { RollupPoll = false },
                "--rollup-probe" => options with { ProbeRollup = true },
                "--webhook-stores" => options with { WebhookStores = Suite.WebhookStores.Parse(Next()) },
                "--two-instance-runs" => options with { TwoInstanceRuns = Pairs(Next()) },
                "--azurite-heap-mb" => options with { AzuriteHeapMb = Number(Next()) },
                "--parts" => options with { Parts = PartsOf(Next()) },
                "--no-sequential-ceiling" => options with { SequentialCeiling = false },
                "--sync-runs" => options with { SyncRuns = Math.Max(1, Number(Next())) },
                "--sync-warm-runs" => options with { SyncWarmRuns = Math.Max(0, Number(Next())) },
                "--out" => options with { Out = Next() },
                "--gc" => options with { Gc = Next() is "server" or "workstation" ? args[i] : throw new ArgumentException($"--gc takes 'server' or 'workstation', not '{args[i]}'.") },
                _ => throw new ArgumentException($"unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static readonly string[] KnownParts = ["sync", "webhooks", "webhooks2", "align"];

    private static HashSet<string> PartsOf(string list)
    {
        var parts = new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var unknown = parts.Except(KnownParts).ToList();
        return parts.Count > 0 && unknown.Count == 0
            ? parts
            : throw new ArgumentException($"--parts takes {string.Join(", ", KnownParts)} (comma-separated){(unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "")}.");
    }

    private static (int, int)[] Pairs(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair => pair.Split(':')).Select(p => p.Length == 2
            ? (Number(p[0]), Number(p[1]))
            : throw new ArgumentException($"'{string.Join(':', p)}' is not a pair of stored items and events, such as 100000:500."))];

    private static int[] Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Number).ToArray() is { Length: > 0 } numbers
            ? numbers
            : throw new ArgumentException($"'{list}' names no sizes: give whole numbers, comma-separated.");

    private static int Number(string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"'{text}' is not a whole number.");
}
