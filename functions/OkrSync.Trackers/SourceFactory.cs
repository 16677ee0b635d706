using OkrSync.Core.Ports;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers;

/// <summary>
/// Builds the sources of one run: from <c>--source</c> specs (<see cref="SourceSpec"/>) or from configuration (each
/// <see cref="TrackerEntry.ConfiguredContainers(TrackerServices)"/>), through the <see cref="TrackerRegistry"/>. The live
/// sources of one tracker in one call share one <see cref="TrackerEntry.SourceBuilder"/> (Jira reads its site facts once
/// per run). Create a new set for every run: API usage counts per instance.
/// </summary>
public sealed class SourceFactory(TrackerServices services)
{
    public IReadOnlyList<IWorkSource> CreateConfigured() =>
        Create([.. TrackerRegistry.All.SelectMany(e => e.ConfiguredContainers(services).Select(c => new SourceSpec(e.Prefix, c)))]);

    public IReadOnlyList<IWorkSource> Create(IEnumerable<SourceSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var builders = new Dictionary<TrackerEntry, Func<string, ITrackerSource>>();
        var sources = new List<IWorkSource>();
        foreach (var spec in specs)
        {
            if (!TrackerRegistry.TryResolve(spec.Kind, out var entry, out var export))
            {
                throw new ArgumentException($"unknown source kind '{spec.Kind}'", nameof(specs));
            }
            if (export)
            {
                sources.Add(entry.CreateExport(spec.Value, services));
                continue;
            }
            if (!builders.TryGetValue(entry, out var build))
            {
                builders[entry] = build = entry.SourceBuilder(services);
            }
            sources.Add(build(entry.Normalize(spec.Value)));
        }
        return sources;
    }

    /// <summary>The live source of one container, on its own (its own per-run state, e.g. a fresh Jira site).</summary>
    public ITrackerSource CreateTracker(TrackerEntry entry, string container)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.SourceBuilder(services)(entry.Normalize(container));
    }
}
