using System.Globalization;
using System.Text;

namespace OkrSync.Benchmarks.Suite;

/// <summary>Invariant number formatting and markdown table rows.</summary>
internal static class Fmt
{
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Mb(long? bytes) => bytes is { } b ? N(b / 1048576.0, b < 10 * 1048576L ? 1 : 0) + " MB" : "n/a";

    public static string Pct(double share) => (share * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    public static string Ms(double milliseconds) => milliseconds < 10 ? N(milliseconds, 2) + " ms" : N(milliseconds) + " ms";

    public static string S(double seconds) => N(seconds, seconds < 10 ? 2 : 1) + " s";

    public static string K(int items) => items >= 1_000_000 && items % 1_000_000 == 0 ? N(items / 1_000_000) + "M" : items >= 1000 && items % 1000 == 0 ? N(items / 1000) + "k" : N(items);

    /// <summary>Bytes as MB below a GB, else as GB with one decimal.</summary>
    public static string Size(long bytes) => bytes >= 1024L * 1048576 ? N(bytes / (1024.0 * 1048576), 1) + " GB" : Mb(bytes);

    public static void Table(StringBuilder markdown, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        markdown.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        markdown.Append('|').AppendJoin('|', header.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            markdown.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
        markdown.AppendLine();
    }
}
