using OkrSync.Core.Work;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

namespace OkrSync.Trackers;

/// <summary>
/// Every tracker the app syncs, one <see cref="TrackerEntry"/> each. Spec parsing, source creation, single-item fetch,
/// key parsing and the configured sources all look their tracker up here, so a new tracker is its folder, its entry
/// in <see cref="All"/> and its key shape in <see cref="TrackerKeys"/>.
/// </summary>
public static class TrackerRegistry
{
    public static IReadOnlyList<TrackerEntry> All { get; } = [new GitHubTracker(), new JiraTracker()];

    /// <summary>The entry of <paramref name="kind"/>, or null for a tracker the app does not know.</summary>
    public static TrackerEntry? Find(SourceKind kind) => All.FirstOrDefault(e => e.Kind == kind);

    /// <summary>The entry of <paramref name="kind"/>; throws <see cref="ArgumentException"/> for a tracker the app does not know.</summary>
    public static TrackerEntry For(SourceKind kind) =>
        Find(kind) ?? throw new ArgumentException($"no tracker '{kind}' in the registry", nameof(kind));

    /// <summary>
    /// The entry a spec kind (<c>github</c>, <c>jira-export</c>, compared ordinally) names, and whether it names the
    /// export file rather than the live API; false for a kind no entry has.
    /// </summary>
    public static bool TryResolve(string specKind, out TrackerEntry entry, out bool export)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(specKind, candidate.Prefix, StringComparison.Ordinal) || string.Equals(specKind, candidate.ExportPrefix, StringComparison.Ordinal))
            {
                entry = candidate;
                export = string.Equals(specKind, candidate.ExportPrefix, StringComparison.Ordinal);
                return true;
            }
        }
        entry = null!;
        export = false;
        return false;
    }

    /// <summary>Every spec form, exports first: <c>github-export:PATH, jira-export:PATH, github:OWNER/REPO or jira:PROJECT</c>.</summary>
    public static string SpecForms()
    {
        string[] forms = [.. All.Select(e => $"{e.ExportPrefix}:PATH"), .. All.Select(e => $"{e.Prefix}:{e.ContainerForm}")];
        return string.Join(", ", forms[..^1]) + " or " + forms[^1];
    }

    /// <summary>The ids of the configured live sources, as health lists them (<c>github:acme/web</c>, <c>jira:ONB</c>).</summary>
    public static IEnumerable<string> WatchedSourceIds(TrackerServices services) =>
        All.SelectMany(e => e.WatchedContainers(services).Select(e.SourceId));
}
