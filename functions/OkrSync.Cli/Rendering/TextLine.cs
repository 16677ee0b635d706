using System.Globalization;
using System.Text;

namespace OkrSync.Cli.Rendering;

/// <summary>One piece of a <see cref="TextLine"/>: its text, a Spectre style (or none), and how it gives way when the line is too wide.</summary>
internal readonly record struct TextPart(string Text, string? Style = null, TextFit Fit = TextFit.Keep);

/// <summary>How a part gives way to a narrow terminal.</summary>
internal enum TextFit
{
    /// <summary>Kept whole as long as the line can be fitted otherwise.</summary>
    Keep,

    /// <summary>A title: shortened with an ellipsis first.</summary>
    Shorten,

    /// <summary>Extra detail: left out when shortening is not enough.</summary>
    Drop,
}

/// <summary>
/// A line of the text report, fitted to a width: titles are shortened with "…", then detail is dropped, and only then
/// is the line cut at the width. Nothing wraps. Widths count terminal cells (a wide character takes two).
/// </summary>
internal sealed class TextLine(params TextPart[] parts)
{
    private const int ShortestTitle = 12;

    public IReadOnlyList<TextPart> Parts { get; } = parts;

    /// <summary>The line's width in cells, as it is.</summary>
    public int Cells => Parts.Sum(p => CellsOf(p.Text));

    public static int CellsOf(string text)
    {
        var cells = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            cells += ElementCells((string)elements.Current);
        }
        return cells;
    }

    /// <summary>The line fitted to <paramref name="width"/> cells (none: as it is).</summary>
    public IReadOnlyList<TextPart> FitTo(int? width)
    {
        var parts = Parts.Where(p => p.Text.Length > 0).ToList();
        if (width is not { } limit)
        {
            return parts;
        }
        var over = parts.Sum(p => CellsOf(p.Text)) - limit;
        for (var i = 0; i < parts.Count && over > 0; i++)
        {
            if (parts[i].Fit == TextFit.Shorten && CellsOf(parts[i].Text) > ShortestTitle)
            {
                var keep = Math.Max(ShortestTitle, CellsOf(parts[i].Text) - over);
                var shortened = Truncate(parts[i].Text, keep);
                over -= CellsOf(parts[i].Text) - CellsOf(shortened);
                parts[i] = parts[i] with { Text = shortened };
            }
        }
        for (var i = parts.Count - 1; i >= 0 && over > 0; i--)
        {
            if (parts[i].Fit == TextFit.Drop)
            {
                over -= CellsOf(parts[i].Text);
                parts.RemoveAt(i);
            }
        }
        if (over <= 0)
        {
            return parts;
        }
        var cut = new List<TextPart>();
        var room = limit;
        foreach (var part in parts)
        {
            var cells = CellsOf(part.Text);
            if (cells < room)
            {
                cut.Add(part);
                room -= cells;
                continue;
            }
            cut.Add(part with { Text = Truncate(part.Text, room) });
            break;
        }
        return cut;
    }

    public string Markup(int? width)
    {
        var markup = new StringBuilder();
        foreach (var part in FitTo(width))
        {
            var text = Spectre.Console.Markup.Escape(part.Text);
            markup.Append(part.Style is null ? text : $"[{part.Style}]{text}[/]");
        }
        return markup.ToString();
    }

    public string Plain(int? width) => string.Concat(FitTo(width).Select(p => p.Text));

    /// <summary><paramref name="text"/> in at most <paramref name="cells"/> cells, ending in "…" when shortened.</summary>
    public static string Truncate(string text, int cells)
    {
        if (CellsOf(text) <= cells)
        {
            return text;
        }
        var kept = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var size = ElementCells(element);
            if (used + size > cells - 1)
            {
                break;
            }
            kept.Append(element);
            used += size;
        }
        return cells <= 0 ? "" : kept.ToString().TrimEnd() + "…";
    }

    /// <summary>Cells of one text element: two for East Asian wide and full-width characters and emoji, none for controls.</summary>
    private static int ElementCells(string element)
    {
        if (element.Length == 0)
        {
            return 0;
        }
        var rune = char.IsSurrogatePair(element, 0) ? char.ConvertToUtf32(element[0], element[1]) : element[0];
        return rune switch
        {
            < 0x20 or (>= 0x7F and < 0xA0) => 0,
            (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
                or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
                or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD) => 2,
            _ => 1,
        };
    }
}
