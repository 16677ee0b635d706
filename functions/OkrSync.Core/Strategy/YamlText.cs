using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>
/// Reads YAML text into a <see cref="YamlStream"/>. Text the YAML library cannot read is one located
/// <c>syntax</c> error, whatever the library throws, and nesting deeper than a limit is refused before it can
/// exhaust the stack.
/// </summary>
internal static partial class YamlText
{
    public static YamlStream? TryLoad(string yaml, int maxDepth, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var parser = new Parser(scanner);
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(parser, maxDepth));
            return stream;
        }
        catch (YamlException e) when (e.Start.Line > 0)
        {
            diagnostics.Error("syntax", WithoutPosition(e.Message), At(e.Start, diagnostics.File));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet's scanner throws InvalidOperationException (and others) on some malformed text, e.g. a flow
            // sequence left open in the middle of a file. The text is the only input, so any exception means "cannot
            // read this text": place it at the last construct the parser read, and say where the scanner stopped.
            var at = parser.Current?.Start is { Line: > 0 } start ? start : scanner.CurrentPosition;
            var stop = scanner.CurrentPosition;
            var detail = e is YamlException ? WithoutPosition(e.Message) : "the YAML cannot be read from here on";
            diagnostics.Error(
                "syntax",
                $"{detail} (the reader stopped at line {stop.Line}, column {stop.Column}); check for an unclosed '[', '{{' or quote",
                At(at, diagnostics.File));
        }
        return null;
    }

    private static SourceLocation At(Mark mark, string file) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report the position ourselves.
    private static string WithoutPosition(string message)
    {
        var text = PositionPrefix().Replace(message, "");
        return text.Length == 0 ? "invalid YAML" : text;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    /// <summary>Passes the events through, and stops with a located error at the first node nested too deep.</summary>
    private sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++depth > maxDepth:
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"the YAML is nested deeper than {maxDepth} levels");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
            return true;
        }
    }
}
