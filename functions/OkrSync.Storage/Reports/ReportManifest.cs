using System.Text;

namespace OkrSync.Storage.Reports;

/// <summary>
/// What a stored current report is made of, in order: its <see cref="Head"/> (everything but the two long lists), the
/// runs of its findings and the runs of its work items (<see cref="ReportPartWriter"/>), each named by its content
/// (<see cref="ReportPartNames"/>). The manifest is written last, in one conditional write, so that a reader sees one
/// whole report or the next, never parts of two. <see cref="Retired"/> names the previous manifest's parts that this
/// one no longer uses: a store that cannot swap parts and manifest in one transaction (Table Storage) keeps them for
/// one more generation, so that a reader still holding the previous manifest can read its parts, and deletes them with
/// the next write.
/// </summary>
/// <remarks>
/// Stored as text, one part a line (<c>h</c>, <c>f</c>, <c>i</c> or <c>r</c>, a space, the name), after a first line
/// naming the format. Names are base64url, so nothing needs escaping.
/// </remarks>
internal sealed record ReportManifest(string Head, IReadOnlyList<string> Findings, IReadOnlyList<string> Items)
{
    private const string FormatLine = "okrsync-report-parts 1";

    /// <summary>Parts of the previous manifest that this one no longer names (Table Storage only; SQLite deletes them at once).</summary>
    public IReadOnlyList<string> Retired { get; init; } = [];

    /// <summary>Every part this manifest names (head, findings, items), each once.</summary>
    public IReadOnlySet<string> Names => new HashSet<string>([Head, .. Findings, .. Items], StringComparer.Ordinal);

    public string Format()
    {
        var text = new StringBuilder(FormatLine.Length + ((Findings.Count + Items.Count + Retired.Count + 1) * (ReportPartNames.Length + 3)));
        text.Append(FormatLine).Append('\n');
        Line(text, 'h', Head);
        foreach (var name in Findings)
        {
            Line(text, 'f', name);
        }
        foreach (var name in Items)
        {
            Line(text, 'i', name);
        }
        foreach (var name in Retired)
        {
            Line(text, 'r', name);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, char kind, string name) => text.Append(kind).Append(' ').Append(name).Append('\n');

    /// <exception cref="InvalidDataException">The text is not a manifest of this format.</exception>
    public static ReportManifest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != FormatLine)
        {
            throw new InvalidDataException($"The stored report's manifest is not in a format this OkrSync knows (first line '{(lines.Length == 0 ? "" : lines[0])}'): upgrade OkrSync.");
        }
        string? head = null;
        List<string> findings = [], items = [], retired = [];
        foreach (var line in lines.Skip(1))
        {
            if (line.Length < 3 || line[1] != ' ')
            {
                throw new InvalidDataException($"The stored report's manifest has a malformed line '{line}'.");
            }
            var name = line[2..];
            switch (line[0])
            {
                case 'h': head = name; break;
                case 'f': findings.Add(name); break;
                case 'i': items.Add(name); break;
                case 'r': retired.Add(name); break;
                default: throw new InvalidDataException($"The stored report's manifest has a line of unknown kind '{line}'.");
            }
        }
        return new ReportManifest(head ?? throw new InvalidDataException("The stored report's manifest names no head part."), findings, items) { Retired = retired };
    }
}
