namespace OkrSync.Core.Work;

/// <summary>The tracker a work item comes from. Open-ended: an unknown value is kept, never rejected.</summary>
public readonly record struct SourceKind(string Value)
{
    public static SourceKind GitHub { get; } = new("github");
    public static SourceKind Jira { get; } = new("jira");

    public override string ToString() => Value;
}
