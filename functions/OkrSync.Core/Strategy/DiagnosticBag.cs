namespace OkrSync.Core.Strategy;

/// <summary>Collects every problem found while reading a file, so that all are reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public DiagnosticBag(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Exists(d => d.IsError);

    public void Error(string code, string message, SourceLocation at) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, at));

    public void Warning(string code, string message, SourceLocation at) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, at));
}
