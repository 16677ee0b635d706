using OkrSync.Web.Pages.Html;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Charts;

/// <summary>
/// The effort flow as a Sankey-like band chart: containers on the left, bets / operational / contradicting / orphaned
/// on the right, one band per pair, its thickness the effort. Each band and node has a tooltip; a table beside it
/// gives the same numbers (for screen readers, and with no chart at all).
/// </summary>
internal static class FlowChart
{
    private const double W = 720, NodeWidth = 12, Gap = 10, LeftRoom = 120, RightRoom = 210, Top = 8;

    public static void Draw(HtmlText html, EffortFlowJson flow, IReadOnlyDictionary<string, string> targetClasses)
    {
        if (flow.Total <= 0)
        {
            html.Raw("<p class=\"notice\">No work in the window.</p>");
            return;
        }
        var rows = Math.Max(flow.Sources.Count, flow.Targets.Count);
        var height = Math.Max(220, 26.0 * rows + 40);
        var usable = height - Top * 2 - Gap * (rows - 1);
        var scale = usable / flow.Total;
        var leftX = LeftRoom;
        var rightX = W - RightRoom - NodeWidth;
        var sourceY = Stack(flow.Sources, scale, height);
        var targetY = Stack(flow.Targets, scale, height);
        var sourceOffset = flow.Sources.ToDictionary(s => s.Id, s => sourceY[s.Id]);
        var targetOffset = flow.Targets.ToDictionary(t => t.Id, t => targetY[t.Id]);
        html.Raw("<svg class=\"chart flow\"").Attr("viewBox", $"0 0 {HtmlText.Fmt(W)} {HtmlText.Fmt(height)}").Raw(" role=\"img\" aria-labelledby=\"flow-title\"><title id=\"flow-title\">")
            .Text("Where the window's effort went: from repositories and projects into bets, operational, contradicting and orphaned work").Raw("</title>");
        foreach (var band in flow.Bands)
        {
            var thickness = band.Value * scale;
            var y0 = sourceOffset[band.From];
            var y1 = targetOffset[band.To];
            sourceOffset[band.From] = y0 + thickness;
            targetOffset[band.To] = y1 + thickness;
            var x0 = leftX + NodeWidth;
            var x1 = rightX;
            var xm = (x0 + x1) / 2;
            var path = $"M{F(x0)},{F(y0)} C{F(xm)},{F(y0)} {F(xm)},{F(y1)} {F(x1)},{F(y1)} L{F(x1)},{F(y1 + thickness)} C{F(xm)},{F(y1 + thickness)} {F(xm)},{F(y0 + thickness)} {F(x0)},{F(y0 + thickness)} Z";
            html.Raw("<path").Attr("class", "band " + targetClasses.GetValueOrDefault(band.To, "t-other")).Attr("d", path).Attr("data-from", band.From).Attr("data-to", band.To).Raw("><title>")
                .Text($"{band.From} → {Label(flow, band.To)}: {HtmlText.Fmt(band.Value)}").Raw("</title></path>");
        }
        foreach (var source in flow.Sources)
        {
            Node(html, leftX, sourceY[source.Id], source.Value * scale, "container", source.Label, source.Value, flow.Total, anchorEnd: true);
        }
        foreach (var target in flow.Targets)
        {
            Node(html, rightX, targetY[target.Id], target.Value * scale, targetClasses.GetValueOrDefault(target.Id, "t-other"), target.Label, target.Value, flow.Total, anchorEnd: false);
        }
        html.Raw("</svg>");
    }

    private static void Node(HtmlText html, double x, double y, double h, string cssClass, string label, double value, double total, bool anchorEnd)
    {
        html.Raw("<rect").Attr("class", "node " + cssClass).Attr("x", x).Attr("y", y).Attr("width", NodeWidth).Attr("height", Math.Max(1, h)).Raw("><title>")
            .Text($"{label}: {HtmlText.Fmt(value)} ({HtmlText.Percent(value / total)})").Raw("</title></rect>");
        var textX = anchorEnd ? x - 6 : x + NodeWidth + 6;
        html.Raw("<text class=\"node-label\"").Attr("x", textX).Attr("y", y + h / 2 + 4).Attr("text-anchor", anchorEnd ? "end" : "start").Raw(">")
            .Text(Shorten(label, anchorEnd ? 16 : 24)).Raw(" <tspan class=\"muted\">").Text(HtmlText.Percent(value / total)).Raw("</tspan></text>");
    }

    private static Dictionary<string, double> Stack(IReadOnlyList<FlowNodeJson> nodes, double scale, double height)
    {
        var total = nodes.Sum(n => n.Value * scale) + Gap * (nodes.Count - 1);
        var y = Math.Max(Top, (height - total) / 2);
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            positions[node.Id] = y;
            y += node.Value * scale + Gap;
        }
        return positions;
    }

    private static string Label(EffortFlowJson flow, string id) => flow.Targets.FirstOrDefault(t => t.Id == id)?.Label ?? id;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string F(double value) => HtmlText.Fmt(value, "0.#");
}
