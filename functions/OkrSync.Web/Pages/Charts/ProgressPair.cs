using OkrSync.Core.Reports;
using OkrSync.Web.Pages.Html;

namespace OkrSync.Web.Pages.Charts;

/// <summary>
/// A key result's output and outcome side by side: two bars on one scale (0 to 100% of the way), so "work done, metric
/// flat" shows as a long bar over a short one. The outcome bar is clamped for drawing; its label says the real figure.
/// </summary>
internal static class ProgressPair
{
    private const double Width = 240, Bar = 12, Gap = 6;

    public static void Draw(HtmlText html, OutputJson output, OutcomeJson outcome, string label)
    {
        var outcomeWidth = outcome.Ratio is { } r ? Math.Clamp(r, 0, 1) * Width : 0;
        html.Raw("<svg class=\"pair\" viewBox=\"0 0 240 30\" role=\"img\" preserveAspectRatio=\"none\"").Attr("aria-label", label).Raw(">")
            .Raw("<rect class=\"track\" x=\"0\" y=\"0\" height=\"12\"").Attr("width", Width).Raw("/>")
            .Raw("<rect class=\"s-output\" x=\"0\" y=\"0\" height=\"12\"").Attr("width", output.Ratio * Width).Raw("/>")
            .Raw("<rect class=\"track\" x=\"0\"").Attr("y", Bar + Gap).Attr("height", Bar).Attr("width", Width).Raw("/>")
            .Raw("<rect class=\"s-outcome\" x=\"0\"").Attr("y", Bar + Gap).Attr("height", Bar).Attr("width", outcomeWidth).Raw("/>")
            .Raw("</svg>");
    }
}
