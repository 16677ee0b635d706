using System.Globalization;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Issue keys: <c>PROJECT-NUMBER</c>, ordered as Jira orders them (project, then number).</summary>
internal static class JiraKeys
{
    public static string Project(string key) => key[..key.LastIndexOf('-')];

    public static int Number(string key) =>
        int.TryParse(key.AsSpan(key.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    public static int Compare(string a, string b)
    {
        var byProject = string.CompareOrdinal(Project(a), Project(b));
        return byProject != 0 ? byProject : Number(a).CompareTo(Number(b));
    }
}
