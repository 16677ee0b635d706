using OkrSync.Core.Reports;

namespace OkrSync.Storage.Reports;

/// <summary>
/// Assembles the stored report from its manifest and parts, keeping the parts of the last report it assembled (or its
/// store wrote) by name: reading a newer report costs only the parts that changed, fetched and parsed; the others are
/// the same values again. One per store instance; thread-safe.
/// </summary>
internal sealed class ReportPartReader
{
    private readonly Lock sync = new();
    private Dictionary<string, object> held = new(StringComparer.Ordinal);

    /// <summary>
    /// What a read of <paramref name="manifest"/> starts from: the parts held now (kept for its
    /// <see cref="Assemble"/>, whatever a concurrent read or write of the store holds meanwhile) and the names of those
    /// not held, to fetch.
    /// </summary>
    public PartsHeld Start(ReportManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        lock (sync)
        {
            var known = held;
            return new PartsHeld(known, [.. manifest.Names.Where(n => !known.ContainsKey(n))]);
        }
    }

    /// <summary>
    /// The report <paramref name="manifest"/> names, from the parts held at <paramref name="start"/> and <paramref name="fetched"/> (name → stored
    /// bytes); afterwards holds exactly this manifest's parts. Null when a part is neither held nor fetched (another
    /// writer's manifest moved on and deleted it meanwhile): the caller reads the manifest again.
    /// </summary>
    public ReportDocument? Assemble(ReportManifest manifest, PartsHeld start, IReadOnlyDictionary<string, byte[]> fetched)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(fetched);
        var known = start.Known;
        var now = new Dictionary<string, object>(StringComparer.Ordinal);
        object? Value(string name, PartKind kind)
        {
            if (now.TryGetValue(name, out var value) || known.TryGetValue(name, out value))
            {
                return now[name] = value;
            }
            if (fetched.TryGetValue(name, out var body))
            {
                return now[name] = PartJson.Read(kind, body);
            }
            return null;
        }
        if (Value(manifest.Head, PartKind.Head) is not ReportDocument head)
        {
            return null;
        }
        var findings = new List<FindingJson>();
        foreach (var name in manifest.Findings)
        {
            if (Value(name, PartKind.Findings) is not IReadOnlyList<FindingJson> run)
            {
                return null;
            }
            findings.AddRange(run);
        }
        var items = new List<WorkItemJson>();
        foreach (var name in manifest.Items)
        {
            if (Value(name, PartKind.Items) is not IReadOnlyList<WorkItemJson> run)
            {
                return null;
            }
            items.AddRange(run);
        }
        lock (sync)
        {
            held = now;
        }
        return head with { Findings = findings, WorkItems = items };
    }

    /// <summary>After a write: holds the parts just stored under <paramref name="manifest"/>'s names, so that reading this report back or a later one fetches nothing it already has.</summary>
    public void Wrote(ReportManifest manifest, PartedReport parts)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(parts);
        var now = new Dictionary<string, object>(StringComparer.Ordinal) { [manifest.Head] = parts.Head.Value };
        foreach (var (name, part) in manifest.Findings.Zip(parts.Findings))
        {
            now[name] = part.Value;
        }
        foreach (var (name, part) in manifest.Items.Zip(parts.Items))
        {
            now[name] = part.Value;
        }
        lock (sync)
        {
            held = now;
        }
    }
}

/// <summary>The parts a reader held when a read started, and the names it has to fetch.</summary>
internal sealed record PartsHeld(IReadOnlyDictionary<string, object> Known, IReadOnlyList<string> Missing);
