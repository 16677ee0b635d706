using OkrSync.Core.Reports;

namespace OkrSync.Core.Tests.Reports;

public sealed class SharedElementsTests
{
    private const int Chunk = SnapshotList<string>.ChunkSize;

    [Fact]
    public void OneElementSetBetweenTwoSnapshots_OnlyItsChunkIsUnshared()
    {
        var list = Filled(5 * Chunk + 10);
        var before = list.Snapshot();
        list.Set(3 * Chunk + 7, "changed");
        var after = list.Snapshot();

        var unshared = SharedElements.Unshared(before, after).ToList();

        Assert.Equal([(3 * Chunk, Chunk)], unshared);
        Assert.Equal(Differences(before, after), Within(unshared, Differences(before, after)));
    }

    [Fact]
    public void SnapshotsWithNothingChangedBetween_ShareEverything()
    {
        var list = Filled(2 * Chunk + 1);

        Assert.Empty(SharedElements.Unshared(list.Snapshot(), list.Snapshot()));
    }

    [Fact]
    public void LastPartialChunkChanged_TheRangeEndsAtTheCount()
    {
        var list = Filled(2 * Chunk + 10);
        var before = list.Snapshot();
        list.Set(2 * Chunk + 3, "changed");

        Assert.Equal([(2 * Chunk, 10)], SharedElements.Unshared(before, list.Snapshot()));
    }

    [Fact]
    public void OneElementAppended_ItsChunkAndTheNewIndexAreUnshared()
    {
        var list = Filled(Chunk + 5);
        var before = list.Snapshot();
        list.Add("one more");

        Assert.Equal([(Chunk, 5), (Chunk + 5, 1)], SharedElements.Unshared(before, list.Snapshot()));
    }

    [Fact]
    public void JoinedSnapshotsWhoseFirstPartGrew_FromItsEndOnEverythingIsUnshared()
    {
        var items = Filled(2 * Chunk);
        var grown = Filled(3);
        var before = new ConcatenatedList<string>(grown.Snapshot(), items.Snapshot());
        grown.Add("new");
        var after = new ConcatenatedList<string>(grown.Snapshot(), items.Snapshot());

        var unshared = SharedElements.Unshared(before, after).ToList();

        Assert.Equal([(0, 3), (3, 2 * Chunk + 1)], unshared);
        Assert.Equal(Differences(before, after), Within(unshared, Differences(before, after)));
    }

    [Fact]
    public void JoinedSnapshots_RangesAreOffsetByThePartsBefore()
    {
        var items = Filled(3 * Chunk);
        var small = new List<string> { "a", "b" };
        var before = new ConcatenatedList<string>(small, items.Snapshot());
        items.Set(2 * Chunk + 1, "changed");
        var after = new ConcatenatedList<string>(new List<string> { "a", "b" }, items.Snapshot());

        var unshared = SharedElements.Unshared(before, after).ToList();

        // The small lists are different instances (read whole); of the snapshot, only the changed chunk.
        Assert.Equal([(0, 2), (2 + 2 * Chunk, Chunk)], unshared);
        Assert.Equal(Differences(before, after), Within(unshared, Differences(before, after)));
    }

    [Fact]
    public void ListsMadeOtherwise_AreOneRange()
    {
        IReadOnlyList<string> a = ["x", "y", "z"];
        IReadOnlyList<string> b = ["x", "y", "z"];

        Assert.Equal([(0, 3)], SharedElements.Unshared(a, b));
        Assert.Empty(SharedElements.Unshared(a, a));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomChangesBetweenSnapshots_EveryDifferingIndexIsInAnUnsharedRange(int seed)
    {
        var random = new Random(seed);
        var list = Filled(4 * Chunk);
        var small = Filled(10);
        for (var round = 0; round < 30; round++)
        {
            var before = new ConcatenatedList<string>(small.Snapshot(), list.Snapshot());
            for (var change = random.Next(5); change > 0; change--)
            {
                switch (random.Next(4))
                {
                    case 0:
                        list.Add($"r{round}c{change}");
                        break;
                    case 1:
                        list.RemoveAt(random.Next(list.Count));
                        break;
                    case 2 when random.Next(4) == 0:
                        small.Add($"s{round}c{change}");
                        break;
                    default:
                        list.Set(random.Next(list.Count), $"r{round}c{change}");
                        break;
                }
            }
            var after = new ConcatenatedList<string>(small.Snapshot(), list.Snapshot());
            var unshared = SharedElements.Unshared(before, after).ToList();
            var differing = Differences(before, after);

            Assert.Equal(differing, Within(unshared, differing));
            Assert.True(unshared.Zip(unshared.Skip(1)).All(p => p.First.Start + p.First.Count <= p.Second.Start), "ranges in order, not overlapping");
            Assert.True(unshared.Sum(r => r.Count) <= Math.Max(before.Count, after.Count));
        }
    }

    private static SnapshotList<string> Filled(int count)
    {
        var list = new SnapshotList<string>();
        for (var i = 0; i < count; i++)
        {
            list.Add($"e{i}");
        }
        return list;
    }

    /// <summary>Every index where the two lists do not hold the same instance (past the shorter one's end, all).</summary>
    private static List<int> Differences(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        [.. Enumerable.Range(0, Math.Max(a.Count, b.Count)).Where(i => i >= a.Count || i >= b.Count || !ReferenceEquals(a[i], b[i]))];

    private static List<int> Within(List<(int Start, int Count)> ranges, List<int> indexes) =>
        [.. indexes.Where(i => ranges.Any(r => i >= r.Start && i < r.Start + r.Count))];
}
