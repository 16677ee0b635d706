using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OkrSync.Core.Strategy;

/// <summary>
/// The outcome of reading a strategy file: the document when it is valid, and every error and lint warning
/// with its <c>file:line:column</c>.
/// </summary>
public sealed record StrategyLoadResult(StrategyDocument? Strategy, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Strategy is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}

/// <summary>Reads and validates strategy YAML (kebab-case keys). Pure: the caller reads the file.</summary>
public static partial class StrategyLoader
{
    public static StrategyLoadResult Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            diagnostics.Error("syntax", WithoutPosition(e), new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column));
            return new StrategyLoadResult(null, diagnostics.Items);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? new SourceLocation(file, 1, 1) : YamlMappingReader.At(stream.Documents[0].RootNode, file);
            diagnostics.Error("syntax", "a strategy file is a YAML mapping with 'name' and 'bets'", at);
            return new StrategyLoadResult(null, diagnostics.Items);
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Error("syntax", "a strategy file holds one YAML document; remove the extra '---'", YamlMappingReader.At(stream.Documents[1].RootNode, file));
        }

        var strategy = new StrategyParser(diagnostics).Parse(root);
        StrategyValidator.Validate(strategy, diagnostics);
        StrategyLinter.Lint(strategy, diagnostics);
        var ordered = diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new StrategyLoadResult(diagnostics.HasErrors ? null : strategy, ordered);
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report the position ourselves.
    private static string WithoutPosition(YamlException e)
    {
        var message = PositionPrefix().Replace(e.Message, "");
        return message.Length == 0 ? "invalid YAML" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
