namespace OkrSync.Core.Work;

/// <summary>
/// How one tracker spells its keys: the container (repository, project), a separator, and a positive item number
/// after the last separator, e.g. <c>acme/web#12</c> or <c>ONB-42</c>. <see cref="Matches"/> is the whole rule;
/// the split is only defined on keys that match.
/// </summary>
/// <param name="Source">The tracker that owns keys of this shape.</param>
/// <param name="Separator">Between container and item number; the last one in the key counts.</param>
/// <param name="Description">What a key is, for messages: <c>a Jira issue key (PROJECT-123)</c>.</param>
/// <param name="Matches">Whether a (non-null) key has this shape.</param>
public sealed record TrackerKeyShape(SourceKind Source, char Separator, string Description, Func<string, bool> Matches)
{
    /// <summary>The container of <paramref name="key"/> (<c>acme/web</c> of <c>acme/web#12</c>), or null when the key does not match.</summary>
    public string? ContainerOf(string key) => Matches(key) ? key[..key.LastIndexOf(Separator)] : null;

    /// <summary>The item part after the container (<c>12</c> of <c>acme/web#12</c>), or null when the key does not match.</summary>
    public string? ItemOf(string key) => Matches(key) ? key[(key.LastIndexOf(Separator) + 1)..] : null;
}
