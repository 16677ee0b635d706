namespace OkrSync.Core.Alignment;

/// <summary>
/// Exactly one per work item, in order of precedence: <see cref="Contradicting"/> (carries a "not doing" label)
/// wins over <see cref="Aligned"/> (maps to an initiative, directly or through an ancestor), which wins over
/// <see cref="Operational"/> (declared BAU/KTLO, itself or through an ancestor); anything else is <see cref="Orphaned"/>.
/// </summary>
public enum Classification
{
    Aligned,
    Operational,
    Orphaned,
    Contradicting,
}

public static class ClassificationNames
{
    public static string ToName(this Classification classification) => classification switch
    {
        Classification.Aligned => "aligned",
        Classification.Operational => "operational",
        Classification.Orphaned => "orphaned",
        Classification.Contradicting => "contradicting",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, "Unknown classification."),
    };

    public static bool TryParse(string? name, out Classification classification)
    {
        foreach (var candidate in Enum.GetValues<Classification>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                classification = candidate;
                return true;
            }
        }
        classification = default;
        return false;
    }
}
