using System.Net;
using System.Text;

namespace OkrSync.Core.Digest;

/// <summary>
/// E-mail-safe HTML building blocks: presentation tables, inline styles only, escaped text, and links only to http(s).
/// Mail clients strip &lt;style&gt; blocks and scripts, so every element carries its own style.
/// </summary>
internal sealed class HtmlWriter
{
    public const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    public const string Ink = "#1f2937";
    public const string Muted = "#6b7280";
    public const string Rule = "#e5e7eb";
    public const string LinkColor = "#1d4ed8";
    public const string Worse = "#b91c1c";
    public const string Better = "#15803d";
    public const string Page = "#f3f4f6";

    private readonly StringBuilder html = new();

    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        html.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>A link when <paramref name="url"/> is http(s), else the plain text.</summary>
    public HtmlWriter Link(string text, string? url, string style = "")
    {
        if (DigestFormat.SafeUrl(url) is not { } safe)
        {
            return Text(text);
        }
        html.Append("<a href=\"").Append(WebUtility.HtmlEncode(safe)).Append("\" style=\"color:").Append(LinkColor).Append(";text-decoration:none;").Append(style).Append("\">");
        return Text(text).Raw("</a>");
    }

    /// <summary>Opens a full-width presentation table with one row and cell; close with <see cref="CloseTable"/>.</summary>
    public HtmlWriter OpenTable(string cellStyle, string tableStyle = "") =>
        Raw($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;{tableStyle}\"><tr><td style=\"{Font}{cellStyle}\">");

    public HtmlWriter CloseTable() => Raw("</td></tr></table>");

    /// <summary>One row of the card: a padded cell.</summary>
    public HtmlWriter Row(string cellStyle, Action<HtmlWriter> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Raw($"<tr><td style=\"{Font}padding:0 24px;{cellStyle}\">");
        content(this);
        return Raw("</td></tr>");
    }

    public HtmlWriter Paragraph(string style, Action<HtmlWriter> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Raw($"<p style=\"{Font}margin:0;{style}\">");
        content(this);
        return Raw("</p>");
    }

    public HtmlWriter Heading(string title, int count) => Paragraph(
        $"font-size:16px;line-height:22px;font-weight:700;color:{Ink};padding:20px 0 4px 0;border-top:1px solid {Rule};",
        h => h.Text(title).Raw($" <span style=\"color:{Muted};font-weight:400;\">").Text($"({count})").Raw("</span>"));

    public override string ToString() => html.ToString();
}
