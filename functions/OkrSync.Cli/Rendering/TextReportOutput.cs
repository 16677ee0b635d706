using Spectre.Console;

namespace OkrSync.Cli.Rendering;

/// <summary>
/// Where the text report goes. On a terminal (<paramref name="width"/> set): tree lines are fitted to the width, prose is
/// wrapped at it by the console. Redirected (<paramref name="plain"/> set, no width): every line is written whole and unstyled.
/// </summary>
internal sealed class TextReportOutput(IAnsiConsole console, int? width, TextWriter? plain)
{
    /// <summary>Whether <paramref name="line"/> fits whole (redirected, everything does).</summary>
    public bool Fits(TextLine line) => width is not { } limit || line.Cells <= limit;

    /// <summary>A line that must stay one line: fitted to the width.</summary>
    public void Line(TextLine line)
    {
        if (plain is not null)
        {
            plain.WriteLine(line.Plain(null));
            return;
        }
        console.MarkupLine(line.Markup(width));
    }

    /// <summary>A sentence: on a terminal the console wraps it at the width; redirected it stays one line.</summary>
    public void Prose(TextLine line)
    {
        if (plain is not null)
        {
            plain.WriteLine(line.Plain(null));
            return;
        }
        console.MarkupLine(line.Markup(null));
    }

    public void Blank()
    {
        if (plain is not null)
        {
            plain.WriteLine();
            return;
        }
        console.WriteLine();
    }
}
