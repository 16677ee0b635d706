using System.Globalization;

namespace OkrSync.Cli.Rendering;

/// <summary>Text progress bars and percentages. Ratios outside [0, 1] are drawn clamped and printed as they are.</summary>
internal static class Bars
{
    public static string Bar(double? ratio, int width = 12)
    {
        if (ratio is not { } r)
        {
            return new string('·', width);
        }
        var filled = (int)Math.Round(Math.Clamp(r, 0, 1) * width, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', width - filled);
    }

    public static string Percent(double? ratio) =>
        ratio is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>A value with its unit: "40%", "24h", but "15 apps" and "300 ms".</summary>
    public static string WithUnit(double? value, string? unit) =>
        Number(value) + (string.IsNullOrEmpty(unit) ? "" : unit.Length > 1 ? " " + unit : unit);

    public static string Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";
}
