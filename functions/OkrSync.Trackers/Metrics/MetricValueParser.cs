using System.Globalization;
using System.Text;
using System.Text.Json;
using OkrSync.Core.Strategy;
using OkrSync.Pipeline.Metrics;

namespace OkrSync.Trackers.Metrics;

/// <summary>Takes the number out of a JSON document (at the source's pointer) or a CSV (its column, last row).</summary>
internal static class MetricValueParser
{
    public static MetricPull Parse(MetricSource source, byte[] content, bool csv) =>
        csv ? FromCsv(source.Column!, Encoding.UTF8.GetString(content)) : FromJson(source.Pointer ?? "", content);

    public static MetricPull FromJson(string pointer, byte[] content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            return MetricPull.Failed($"the response is not JSON ({e.Message})");
        }
        using (document)
        {
            if (JsonPointer.Find(document.RootElement, pointer, out var missing) is not { } found)
            {
                return MetricPull.Failed($"nothing at pointer {pointer} ({missing} is missing)");
            }
            return found.ValueKind == JsonValueKind.Number && found.TryGetDouble(out var value) && double.IsFinite(value)
                ? MetricPull.Number(value)
                : MetricPull.Failed($"the value at {pointer} is not a number: {Shorten(found.GetRawText())}");
        }
    }

    public static MetricPull FromCsv(string column, string text)
    {
        var rows = text.Split('\n').Select(r => r.TrimEnd('\r')).Where(r => r.Trim().Length > 0).Select(SplitRow).ToList();
        if (rows.Count == 0)
        {
            return MetricPull.Failed("the CSV file is empty");
        }
        var index = rows[0].FindIndex(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return MetricPull.Failed($"the CSV has no column '{column}' (its columns: {string.Join(", ", rows[0].Select(h => h.Trim()))})");
        }
        if (rows.Count == 1)
        {
            return MetricPull.Failed("the CSV has a header but no rows");
        }
        var last = rows[^1];
        var cell = index < last.Count ? last[index].Trim() : "";
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? MetricPull.Number(value)
            : MetricPull.Failed($"the last row's '{column}' is not a number: '{Shorten(cell)}' (row {rows.Count})");
    }

    /// <summary>One CSV row: commas separate, double quotes quote (and <c>""</c> is a quote inside them).</summary>
    private static List<string> SplitRow(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
