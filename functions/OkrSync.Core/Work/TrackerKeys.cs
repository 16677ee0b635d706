using System.Globalization;

namespace OkrSync.Core.Work;

/// <summary>
/// The shape of the keys each tracker owns. A GitHub item is <c>owner/repo#N</c> and a Jira item <c>PROJECT-N</c>,
/// with N a positive 32-bit integer: the two shapes never overlap, so a key names its source, and an event of one
/// tracker can never create, change or delete an item of the other.
/// </summary>
public static class TrackerKeys
{
    /// <summary>GitHub issues: <c>owner/repo#N</c>, in the repository <c>owner/repo</c>.</summary>
    public static TrackerKeyShape GitHub { get; } =
        new(SourceKind.GitHub, '#', "a GitHub issue key (owner/repo#N, N a positive integer)", IsGitHubKey);

    /// <summary>Jira issues: <c>PROJECT-N</c>, in the project <c>PROJECT</c>.</summary>
    public static TrackerKeyShape Jira { get; } =
        new(SourceKind.Jira, '-', "a Jira issue key (PROJECT-123)", IsJiraKey);

    /// <summary>The key shape of every tracker; a source with none owns no keys.</summary>
    public static IReadOnlyList<TrackerKeyShape> Shapes { get; } = [GitHub, Jira];

    /// <summary>The key shape of <paramref name="source"/>, or null for a source that owns no keys.</summary>
    public static TrackerKeyShape? ShapeOf(SourceKind source) => Shapes.FirstOrDefault(s => s.Source == source);

    /// <summary>
    /// Why <paramref name="key"/> is not a key that <paramref name="source"/> may own, or null when it is.
    /// Sources without a key shape (an unknown tracker) own nothing.
    /// </summary>
    public static string? Problem(SourceKind source, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "the key is empty";
        }
        return ShapeOf(source) is { } shape
            ? shape.Matches(key) ? null : $"'{Shown(key)}' is not {shape.Description}"
            : $"source '{source}' owns no keys";
    }

    /// <summary><c>owner/repo#N</c>: GitHub's owner and repository name characters, N from 1 to 2,147,483,647.</summary>
    public static bool IsGitHubKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = key.LastIndexOf('#');
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (hash < 0 || slash <= 0 || slash > hash - 2 || key.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }
        return key.AsSpan(0, slash).ContainsAnyExcept(OwnerCharacters) is false
            && key.AsSpan(slash + 1, hash - slash - 1).ContainsAnyExcept(RepositoryCharacters) is false
            && IsIssueNumber(key.AsSpan(hash + 1));
    }

    /// <summary><c>PROJECT-N</c>: an upper-case letter, then upper-case letters, digits or <c>_</c>; N from 1 to 2,147,483,647.</summary>
    public static bool IsJiraKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dash = key.LastIndexOf('-');
        return dash > 0 && key[0] is >= 'A' and <= 'Z'
            && !key.AsSpan(0, dash).ContainsAnyExcept(ProjectCharacters)
            && IsIssueNumber(key.AsSpan(dash + 1));
    }

    /// <summary>
    /// Where an item with <paramref name="key"/> lives, by key shape: the source and container of every shape it matches
    /// (<c>(github, acme/web)</c> for <c>acme/web#12</c>, <c>(jira, ONB)</c> for <c>ONB-42</c>); none for a key of no shape.
    /// </summary>
    public static IEnumerable<(SourceKind Source, string Container)> PlacesOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var shape in Shapes)
        {
            if (shape.ContainerOf(key) is { } container)
            {
                yield return (shape.Source, container);
            }
        }
    }

    /// <summary>The project of a Jira key (<c>ONB</c> of <c>ONB-42</c>), or null when the key is not one.</summary>
    public static string? JiraProjectOf(string key) => Jira.ContainerOf(key);

    /// <summary>The repository of a GitHub key (<c>acme/web</c> of <c>acme/web#12</c>), or null when the key is not one.</summary>
    public static string? GitHubRepositoryOf(string key) => GitHub.ContainerOf(key);

    /// <summary>A positive 32-bit decimal integer with no sign, exponent, leading zero or spaces.</summary>
    public static bool IsIssueNumber(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 10 && text[0] != '0' && !text.ContainsAnyExceptInRange('0', '9')
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0;

    private static string Shown(string key) => key.Length <= 80 ? key : key[..80] + "…";

    private static readonly System.Buffers.SearchValues<char> OwnerCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly System.Buffers.SearchValues<char> RepositoryCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

    private static readonly System.Buffers.SearchValues<char> ProjectCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}
