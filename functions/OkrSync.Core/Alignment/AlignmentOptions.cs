namespace OkrSync.Core.Alignment;

/// <summary>What the alignment considers. Pull requests are left out by default: the issue they close is the unit of work.</summary>
public sealed record AlignmentOptions(bool IncludePullRequests = false)
{
    public static AlignmentOptions Default { get; } = new();
}
