using System.Net.Http.Json;
using System.Text.Json;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// The parts of a report (the JSON contract of <c>/api/rollup</c> and <c>okrsync report --format json</c>) that two
/// computations of the same items must agree on: the summary, each bet's, key result's and initiative's output, and
/// the findings by kind, subject, severity and the bet, key result and initiative they are under (messages are texts
/// for people and the stored ones carry trend notes, so they are left out). Work items are not read (the CLI's
/// answer lists all of them).
/// </summary>
internal sealed class ReportFacts
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public DateTimeOffset AsOf { get; set; }

    public JsonElement Summary { get; set; }

    public List<JsonElement> Bets { get; set; } = [];

    public List<JsonElement> KeyResults { get; set; } = [];

    public List<JsonElement> Initiatives { get; set; } = [];

    public List<JsonElement> Findings { get; set; } = [];

    public int Total => Summary.ValueKind == JsonValueKind.Object ? Summary.GetProperty("total").GetInt32() : -1;

    public static async Task<ReportFacts> ReadAsync(Stream json, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<ReportFacts>(json, Web, cancellationToken) ?? throw new InvalidDataException("empty report");

    public static async Task<ReportFacts> GetAsync(HttpClient client, CancellationToken cancellationToken = default) =>
        await client.GetFromJsonAsync<ReportFacts>(new Uri("/api/rollup", UriKind.Relative), Web, cancellationToken) ?? throw new InvalidDataException("empty /api/rollup");

    /// <summary><c>GET /api/findings</c> (unpaged: every finding).</summary>
    public static async Task<List<JsonElement>> GetFindingsAsync(HttpClient client, CancellationToken cancellationToken = default) =>
        await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/findings", UriKind.Relative), Web, cancellationToken) ?? [];

    /// <summary>One line per fact, findings included.</summary>
    public IReadOnlyList<string> Lines() =>
    [
        "summary " + Compact(Summary),
        .. Bets.Select(b => $"bet {Text(b, "id")} output {Compact(b.GetProperty("output"))}"),
        .. KeyResults.Select(k => $"key result {Text(k, "id")} output {Compact(k.GetProperty("output"))}"),
        .. Initiatives.Select(i => $"initiative {Text(i, "id")} counts {Compact(i.GetProperty("counts"))} points {Compact(i.GetProperty("points"))} lastActivity {Text(i, "lastActivity")}"),
        .. FindingLines(Findings),
    ];

    /// <summary>One line per finding but <c>poison-event</c> (those come from the queue, not the report).</summary>
    public static IReadOnlyList<string> FindingLines(IEnumerable<JsonElement> findings) =>
        [.. findings.Where(f => Text(f, "kind") != PoisonKind)
            .Select(f => $"finding {Text(f, "kind")} {Text(f, "subject")} severity={Text(f, "severity")} bet={Text(f, "betId")} kr={Text(f, "keyResultId")} initiative={Text(f, "initiativeId")}")];

    public const string PoisonKind = "poison-event";

    /// <summary>
    /// What one side has and the other has not (as multisets), at most <paramref name="show"/> lines, each saying which
    /// side has it; empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Differences(string leftName, IReadOnlyList<string> left, string rightName, IReadOnlyList<string> right, int show = 5)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in left)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }
        foreach (var line in right)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }
        var differing = counts.Where(c => c.Value != 0).ToList();
        if (differing.Count == 0)
        {
            return [];
        }
        var lines = differing.Take(show).Select(c => c.Value > 0 ? $"only {leftName}: {c.Key}" : $"only {rightName}: {c.Key}").ToList();
        if (differing.Count > show)
        {
            lines.Add($"{leftName} vs {rightName}: {differing.Count - show} more differing facts");
        }
        return lines;
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null => "null",
            _ => value.GetRawText(),
        } : "-";
}
