using OkrSync.Web.Pages.Html;

namespace OkrSync.Web.Pages.Charts;

/// <summary>One line of a <see cref="LineChart"/>: a CSS class for its colour, and a value (or a gap) per x position.</summary>
internal sealed record Series(string Name, string CssClass, IReadOnlyList<double?> Values);

/// <summary>A horizontal reference line (target, baseline) at <see cref="Value"/>, labelled.</summary>
internal sealed record ReferenceLine(string Label, double Value, string CssClass);

/// <summary>A marked point (a check-in) at a fractional x position, with a note shown as its tooltip.</summary>
internal sealed record Marker(double X, double Value, string Note);

/// <summary>
/// Lines over weeks, drawn as SVG by hand: x is the week index, y a ratio on a fixed range; reference lines and
/// markers on top; every point has a tooltip. Values outside the range are clamped to its edge.
/// </summary>
internal static class LineChart
{
    private const double W = 720, H = 260, Left = 44, Right = 16, Top = 14, Bottom = 30;

    public static void Draw(HtmlText html, string label, IReadOnlyList<string> xLabels, IReadOnlyList<Series> series, IReadOnlyList<ReferenceLine> references, IReadOnlyList<Marker> markers, double min, double max)
    {
        var n = Math.Max(1, xLabels.Count);
        double X(double i) => n == 1 ? Left + (W - Left - Right) / 2 : Left + i * (W - Left - Right) / (n - 1);
        double Y(double v) => Top + (1 - (Math.Clamp(v, min, max) - min) / (max - min)) * (H - Top - Bottom);
        html.Raw("<svg class=\"chart line-chart\" viewBox=\"0 0 720 260\" role=\"img\"").Attr("aria-label", label).Raw(">");
        var step = max - min > 0.6 ? 0.25 : 0.05;
        for (var v = Math.Ceiling(min / step) * step; v <= max + 1e-9; v += step)
        {
            html.Raw("<line class=\"grid\"").Attr("x1", Left).Attr("x2", W - Right).Attr("y1", Y(v)).Attr("y2", Y(v)).Raw("/>")
                .Raw("<text class=\"axis\" text-anchor=\"end\"").Attr("x", Left - 6).Attr("y", Y(v) + 4).Raw(">").Text(HtmlText.Percent(v)).Raw("</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < xLabels.Count; i += every)
        {
            html.Raw("<text class=\"axis\" text-anchor=\"middle\"").Attr("x", X(i)).Attr("y", H - 8).Raw(">").Text(xLabels[i]).Raw("</text>");
        }
        foreach (var reference in references)
        {
            html.Raw("<line").Attr("class", "ref " + reference.CssClass).Attr("x1", Left).Attr("x2", W - Right).Attr("y1", Y(reference.Value)).Attr("y2", Y(reference.Value)).Raw("/>")
                .Raw("<text text-anchor=\"end\"").Attr("class", "ref-label " + reference.CssClass).Attr("x", W - Right).Attr("y", Y(reference.Value) - 4).Raw(">").Text(reference.Label).Raw("</text>");
        }
        foreach (var line in series)
        {
            var points = line.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => $"{HtmlText.Fmt(X(p.i))},{HtmlText.Fmt(Y(p.v!.Value))}").ToList();
            if (points.Count > 1)
            {
                html.Raw("<polyline fill=\"none\"").Attr("class", "line " + line.CssClass).Attr("points", string.Join(' ', points)).Raw("/>");
            }
            for (var i = 0; i < line.Values.Count; i++)
            {
                if (line.Values[i] is { } v)
                {
                    html.Raw("<circle r=\"3.5\"").Attr("class", "dot " + line.CssClass).Attr("cx", X(i)).Attr("cy", Y(v)).Raw("><title>")
                        .Text($"{line.Name}, {(i < xLabels.Count ? xLabels[i] : "")}: {HtmlText.Percent(v)}").Raw("</title></circle>");
                }
            }
        }
        foreach (var marker in markers)
        {
            html.Raw("<circle class=\"check-in\" r=\"6\"").Attr("cx", X(marker.X)).Attr("cy", Y(marker.Value)).Raw("><title>").Text(marker.Note).Raw("</title></circle>");
        }
        html.Raw("</svg>");
    }
}
