namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>
/// The <c>fields</c> parameter: comma lists (or a JSON array) of field ids, <c>*all</c>, <c>*navigable</c>, and <c>-id</c> exclusions.
/// <c>id</c> and <c>key</c> are not fields. Only selected fields are written, as Jira does.
/// </summary>
internal sealed class JiraFieldSelection
{
    private readonly HashSet<string> _included = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _excluded = new(StringComparer.OrdinalIgnoreCase);
    private bool _all;

    /// <summary>Nothing but ids (and keys when asked for): Cloud search/jql's default.</summary>
    public bool IsIdOnly => !_all && _included.All(name => name is "id" or "key");

    public bool WantsKey => _included.Contains("key");

    public static JiraFieldSelection Parse(IEnumerable<string?> values, bool defaultAll)
    {
        var selection = new JiraFieldSelection();
        var any = false;
        foreach (var part in values.SelectMany(value => (value ?? string.Empty).Split(',')).Select(part => part.Trim()))
        {
            if (part.Length == 0)
            {
                continue;
            }

            any = true;
            if (part is "*all" or "*navigable")
            {
                selection._all = true;
            }
            else if (part.StartsWith('-'))
            {
                selection._excluded.Add(part[1..]);
            }
            else
            {
                selection._included.Add(part);
            }
        }

        selection._all |= !any && defaultAll;
        return selection;
    }

    public bool Includes(string field) => !_excluded.Contains(field) && (_all || _included.Contains(field));
}
