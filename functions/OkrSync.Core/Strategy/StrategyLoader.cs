using System.Text;
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
public static class StrategyLoader
{
    /// <summary>The largest strategy accepted, in UTF-8 bytes: 1 MiB, far above any real strategy.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences accepted; a strategy needs about ten levels.</summary>
    public const int MaxDepth = 64;

    public static StrategyLoadResult Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        if (bytes > MaxBytes)
        {
            return TooLarge(bytes, file);
        }
        var diagnostics = new DiagnosticBag(file);
        if (YamlText.TryLoad(yaml, MaxDepth, diagnostics) is not { } stream)
        {
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

    /// <summary>The result for a strategy of <paramref name="bytes"/> bytes, over <see cref="MaxBytes"/>: refused unread.</summary>
    public static StrategyLoadResult TooLarge(long bytes, string file) =>
        new(null, [new Diagnostic(DiagnosticSeverity.Error, "too-large", $"the strategy is {bytes:N0} bytes; the limit is 1 MiB ({MaxBytes:N0} bytes)", new SourceLocation(file, 1, 1))]);
}
