using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OkrSync.Core.Reports;

namespace OkrSync.Storage.Reports;

/// <summary>
/// Cuts a report into the parts it is stored as, and plans a write against the stored manifest. One per store
/// instance: it remembers the parts of the last report it cut, so that the next cut skips serialising every run whose
/// elements are still the same (the same instances, or equal values), and only the changed runs cost CPU.
/// </summary>
/// <remarks>
/// <para>
/// The head is the report with both lists empty: summary, bets, key results, initiatives, investment, positions.
/// The findings and the work items (the stored report keeps the orphaned and contradicting ones, the bulk of it) are
/// each cut into runs, in their order, where content says: a run ends after an element whose key (the item's key, the
/// finding's kind and subject) hashes to a multiple of <see cref="BoundaryEvery"/>, and at the latest after
/// <see cref="MaxRun"/> elements. A change to one item changes its run only; an item added or removed moves no other
/// boundary, so the runs around it keep their content and their names. Concatenated in manifest order, the runs give
/// back the lists exactly, whatever their order.
/// </para>
/// <para>Each part is compact JSON, gzip-compressed (fastest): the current report is rewritten several times a second under load.</para>
/// </remarks>
internal sealed class ReportPartWriter
{
    /// <summary>On average a run holds this many elements (about 30–60 KB compressed).</summary>
    public const int BoundaryEvery = 512;

    /// <summary>A run never holds more: the worst case of a part stays a few hundred KB.</summary>
    public const int MaxRun = 4 * BoundaryEvery;

    private readonly Lock sync = new();
    // The runs of the last cut: by kind and signature (a changed run may equal one of them by value), and by their first
    // element (an unchanged run is found by identity and reused without looking at its elements' content).
    private Dictionary<(PartKind, int), CachedRun> previous = [];
    private Dictionary<object, CachedRun> previousByFirst = new(ReferenceEqualityComparer.Instance);
    // The lists of the last cut: where the next report's lists share their chunks (SharedElements), a run found at the
    // same index is known unchanged without comparing its elements.
    private IReadOnlyList<FindingJson> previousFindings = [];
    private IReadOnlyList<WorkItemJson> previousItems = [];

    /// <summary>The parts of <paramref name="report"/>: the head always serialised (it is small), runs only when they changed since the last cut.</summary>
    public PartedReport Cut(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (sync)
        {
            var next = new Dictionary<(PartKind, int), CachedRun>();
            var nextByFirst = new Dictionary<object, CachedRun>(ReferenceEqualityComparer.Instance);
            var head = report with { WorkItems = [], Findings = [] };
            var headPart = ReportPart.Serialized(PartKind.Head, head, PartJson.Head);
            var findings = Runs(PartKind.Findings, previousFindings, report.Findings, f => Boundary(f.Subject, f.Kind), FindingSignature, PartJson.Findings, next, nextByFirst);
            var items = Runs(PartKind.Items, previousItems, report.WorkItems, w => Boundary(w.Key, null), RuntimeHelpers.GetHashCode, PartJson.Items, next, nextByFirst);
            previous = next;
            previousByFirst = nextByFirst;
            previousFindings = report.Findings;
            previousItems = report.WorkItems;
            return new PartedReport(headPart, findings, items);
        }
    }

    // A run's signature only finds the run cut last time that it may equal (which is then compared element by element):
    // work items by identity (the live report writes the same instance for an unchanged item), findings, which are
    // made anew for every report, by their subject and the length of their message, cheaper than hashing every message.
    private static int FindingSignature(FindingJson finding) => HashCode.Combine(finding.Subject, finding.Kind, finding.Message.Length);

    /// <summary>
    /// Cuts <paramref name="elements"/> into runs. Where a run of the last cut starts again with the very same instances
    /// (the live report keeps an unchanged item's JSON), it is taken whole after comparing references only: its end was
    /// decided by its own elements, so it ends in the same place. Elsewhere, each element's key says whether it ends a run.
    /// A run at the same index as last time, outside every range where <paramref name="before"/> (the last cut's list)
    /// and <paramref name="elements"/> may differ, is the same instances without reading them: a report over a million
    /// items is cut in time proportional to its runs and its changed chunks, not to its elements.
    /// </summary>
    private List<ReportPart> Runs<T>(PartKind kind, IReadOnlyList<T> before, IReadOnlyList<T> elements, Func<T, bool> endsRun, Func<T, int> signatureOf, JsonTypeInfo<IReadOnlyList<T>> json, Dictionary<(PartKind, int), CachedRun> next, Dictionary<object, CachedRun> nextByFirst)
        where T : class
    {
        var parts = new List<ReportPart>();
        var changed = SharedElements.Unshared(before, elements).ToList();
        var nextChange = 0;
        var start = 0;
        while (start < elements.Count)
        {
            while (nextChange < changed.Count && changed[nextChange].Start + changed[nextChange].Count <= start)
            {
                nextChange++;
            }
            CachedRun run;
            if (previousByFirst.TryGetValue(elements[start], out var known) && known.Kind == kind
                && StillWhole(known, elements, start, unread: known.Start == start && (nextChange == changed.Count || changed[nextChange].Start >= start + known.Elements.Length)))
            {
                run = known.Start == start ? known : known with { Start = start };
            }
            else
            {
                var end = start;
                while (!endsRun(elements[end]) && end - start + 1 < MaxRun && end < elements.Count - 1)
                {
                    end++;
                }
                var cut = new T[end - start + 1];
                for (var j = 0; j < cut.Length; j++)
                {
                    cut[j] = elements[start + j];
                }
                run = Run(kind, cut, start, closed: end < elements.Count - 1 || endsRun(cut[^1]) || cut.Length == MaxRun, signatureOf, json);
            }
            parts.Add(run.Part);
            next[(kind, run.Signature)] = run;
            nextByFirst[run.Elements[0]] = run;
            start += run.Elements.Length;
        }
        return parts;
    }

    /// <summary>
    /// Whether <paramref name="known"/> is the run starting at <paramref name="start"/>: the same instances (taken as
    /// read when <paramref name="unread"/> says the indexes are unchanged), and an end that is not just where the last
    /// list stopped.
    /// </summary>
    private static bool StillWhole<T>(CachedRun known, IReadOnlyList<T> elements, int start, bool unread)
        where T : class
    {
        var length = known.Elements.Length;
        if (start + length > elements.Count || (!known.Closed && start + length != elements.Count))
        {
            return false;
        }
        if (unread)
        {
            return true;
        }
        for (var j = 0; j < length; j++)
        {
            if (!ReferenceEquals(known.Elements[j], elements[start + j]))
            {
                return false;
            }
        }
        return true;
    }

    private CachedRun Run<T>(PartKind kind, T[] run, int start, bool closed, Func<T, int> signatureOf, JsonTypeInfo<IReadOnlyList<T>> json)
        where T : class
    {
        var hash = new HashCode();
        foreach (var element in run)
        {
            hash.Add(signatureOf(element));
        }
        var signature = hash.ToHashCode();
        var part = previous.TryGetValue((kind, signature), out var known) && Same(known.Elements, run)
            ? ReportPart.Known(kind, known.Part.Hash, run, json)
            : ReportPart.Serialized(kind, (IReadOnlyList<T>)run, json);
        return new CachedRun(kind, run, start, signature, closed, part);
    }

    private static bool Same(object[] known, object[] run)
    {
        if (known.Length != run.Length)
        {
            return false;
        }
        for (var i = 0; i < run.Length; i++)
        {
            if (!ReferenceEquals(known[i], run[i]) && !known[i].Equals(run[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>FNV-1a over the key's characters, case-folded like item keys: stable across processes and versions.</summary>
    private static bool Boundary(string key, string? more)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            var upper = c is >= 'a' and <= 'z' ? (char)(c - 32) : c < 128 ? c : char.ToUpperInvariant(c);
            hash = (hash ^ upper) * 16777619u;
        }
        foreach (var c in more ?? "")
        {
            hash = (hash ^ c) * 16777619u;
        }
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6dU;
        hash ^= hash >> 12;
        return hash % BoundaryEvery == 0;
    }

    /// <summary>
    /// What to write over <paramref name="stored"/> (the manifest being replaced; null when none, or when the stored
    /// report is a single document): a part whose content the stored manifest already names keeps that name and is not
    /// written; every other part gets a new name and is written. <see cref="ReportManifest.Retired"/> lists the stored
    /// parts the new manifest no longer names.
    /// </summary>
    public static WritePlan Plan(PartedReport parts, ReportManifest? stored)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var storedByHash = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stored is not null)
        {
            foreach (var name in stored.Names)
            {
                storedByHash.TryAdd(ReportPartNames.HashOf(name), name);
            }
        }
        var fresh = new Dictionary<string, string>(StringComparer.Ordinal);
        var writes = new List<(string Name, ReportPart Part)>();
        string NameOf(ReportPart part)
        {
            if (storedByHash.TryGetValue(part.Hash, out var name) || fresh.TryGetValue(part.Hash, out name))
            {
                return name;
            }
            name = ReportPartNames.New(part.Hash);
            fresh[part.Hash] = name;
            writes.Add((name, part));
            return name;
        }
        var manifest = new ReportManifest(NameOf(parts.Head), [.. parts.Findings.Select(NameOf)], [.. parts.Items.Select(NameOf)]);
        if (stored is not null)
        {
            var kept = manifest.Names;
            manifest = manifest with { Retired = [.. stored.Names.Where(n => !kept.Contains(n))] };
        }
        return new WritePlan(manifest, writes);
    }

    /// <summary>A run as cut: <see cref="Closed"/> when its own last element ended it (a boundary, or the longest run), not the end of the list.</summary>
    /// <summary>A run as cut last: its elements, and the index it started at in that cut's list.</summary>
    private sealed record CachedRun(PartKind Kind, object[] Elements, int Start, int Signature, bool Closed, ReportPart Part);
}

/// <summary>A report cut into parts, in manifest order.</summary>
internal sealed record PartedReport(ReportPart Head, IReadOnlyList<ReportPart> Findings, IReadOnlyList<ReportPart> Items)
{
    /// <summary>The parts as a reader would hold them after reading this report, by hash.</summary>
    public IEnumerable<ReportPart> All => [Head, .. Findings, .. Items];
}

/// <summary>The manifest to write and the parts it names that are not stored yet, with their new names.</summary>
internal sealed record WritePlan(ReportManifest Manifest, IReadOnlyList<(string Name, ReportPart Part)> Writes);

internal enum PartKind
{
    Head,
    Findings,
    Items,
}

/// <summary>One part: its kind, the hash of its JSON, its value (what a reader assembles) and, on demand, its stored bytes.</summary>
internal sealed class ReportPart
{
    private readonly Func<byte[]> compress;
    private byte[]? body;

    private ReportPart(PartKind kind, string hash, object value, byte[]? body, Func<byte[]> compress)
    {
        Kind = kind;
        Hash = hash;
        Value = value;
        this.body = body;
        this.compress = compress;
    }

    public PartKind Kind { get; }

    public string Hash { get; }

    /// <summary>A <see cref="ReportDocument"/> with empty lists (the head), or an <c>IReadOnlyList</c> of findings or work items.</summary>
    public object Value { get; }

    /// <summary>The gzip-compressed JSON as stored; serialised again only when a known run has to be written after all.</summary>
    public byte[] Body => body ??= compress();

    /// <summary>Size of the stored bytes when already computed (a changed part), else 0.</summary>
    public int BodyLengthIfKnown => body?.Length ?? 0;

    public static ReportPart Serialized<T>(PartKind kind, T value, JsonTypeInfo<T> json)
        where T : class
    {
        var bytes = PartJson.Serialize(value, json);
        return new ReportPart(kind, ReportPartNames.Hash(bytes), value, PartJson.Gzip(bytes), () => PartJson.Gzip(PartJson.Serialize(value, json)));
    }

    public static ReportPart Known<T>(PartKind kind, string hash, T[] run, JsonTypeInfo<IReadOnlyList<T>> json) =>
        new(kind, hash, run, null, () => PartJson.Gzip(PartJson.Serialize((IReadOnlyList<T>)run, json)));
}

/// <summary>The parts' JSON: the report contract's, compact (not indented), gzip-compressed.</summary>
internal static class PartJson
{
    private static readonly ReportJsonContext Compact = new(new JsonSerializerOptions(ReportJsonContext.Default.Options) { WriteIndented = false });

    public static JsonTypeInfo<ReportDocument> Head => Compact.ReportDocument;

    public static JsonTypeInfo<IReadOnlyList<FindingJson>> Findings => Compact.IReadOnlyListFindingJson;

    public static JsonTypeInfo<IReadOnlyList<WorkItemJson>> Items => Compact.IReadOnlyListWorkItemJson;

    // A run's JSON is a few hundred KB: serialised into a fresh array each time (and compressed through a fresh stream)
    // it would be large-object-heap garbage, which only a full collection frees; the live report cuts runs on every
    // write. So each thread serialises and compresses in buffers of its own, kept from one part to the next.
    private const int MaxKeptScratch = 4 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? jsonScratch;

    [ThreadStatic]
    private static Utf8JsonWriter? jsonWriter;

    [ThreadStatic]
    private static MemoryStream? gzipScratch;

    /// <summary>
    /// The value's JSON, byte for byte what <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonTypeInfo{TValue})"/>
    /// makes, in this thread's buffer: valid until the thread's next call, so callers use it before anything else.
    /// </summary>
    public static ReadOnlySpan<byte> Serialize<T>(T value, JsonTypeInfo<T> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // A rare large head (a strategy of thousands of key results) is not kept for the thread's life.
        if (jsonScratch is not { Capacity: <= MaxKeptScratch } buffer)
        {
            jsonScratch = buffer = new ArrayBufferWriter<byte>(64 * 1024);
        }
        buffer.ResetWrittenCount();
        var writer = jsonWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = json.Options.Encoder, Indented = false, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, json);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    public static byte[] Gzip(ReadOnlySpan<byte> json)
    {
        var output = gzipScratch ??= new MemoryStream(16 * 1024);
        output.SetLength(0);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }
        return output.ToArray();
    }

    public static object Read(PartKind kind, byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        object? value = kind switch
        {
            PartKind.Head => JsonSerializer.Deserialize(gzip, Head),
            PartKind.Findings => JsonSerializer.Deserialize(gzip, Findings),
            _ => JsonSerializer.Deserialize(gzip, Items),
        };
        return value ?? throw new InvalidDataException("A stored report part is empty.");
    }
}
