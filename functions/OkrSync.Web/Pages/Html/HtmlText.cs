using System.Globalization;
using System.Net;
using System.Text;

namespace OkrSync.Web.Pages.Html;

/// <summary>
/// Builds a page's HTML: text and attributes escaped, links only to http(s) or the app's own paths, no inline styles
/// or scripts (the Content-Security-Policy forbids both), numbers in the invariant culture.
/// </summary>
internal sealed class HtmlText
{
    private readonly StringBuilder html = new(16 * 1024);

    public int Length => html.Length;

    public HtmlText Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlText Text(string? text)
    {
        html.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    public HtmlText Number(double value, string format = "0.##")
    {
        html.Append(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary><c> name="value"</c>, escaped.</summary>
    public HtmlText Attr(string name, string? value)
    {
        html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value ?? "")).Append('"');
        return this;
    }

    public HtmlText Attr(string name, double value) => Attr(name, Fmt(value));

    /// <summary>A link when <paramref name="url"/> is http(s) or an absolute path of this app; else the plain text.</summary>
    public HtmlText Link(string text, string? url, string? cssClass = null)
    {
        if (SafeUrl(url) is not { } safe)
        {
            return Text(text);
        }
        Raw("<a").Attr("href", safe);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }
        return Raw(">").Text(text).Raw("</a>");
    }

    /// <summary>An element with escaped text content and optional class.</summary>
    public HtmlText Element(string tag, string? text, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }
        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    public static string Fmt(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    public override string ToString() => html.ToString();
}
