namespace OkrSync.Core.Strategy;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found in a strategy file. <see cref="Code"/> is stable across releases (kebab-case),
/// so that teams can grep for it or suppress it; <see cref="Message"/> is one line for people.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Compiler-style: <c>strategy.yaml:12:7: error duplicate-id: ...</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
