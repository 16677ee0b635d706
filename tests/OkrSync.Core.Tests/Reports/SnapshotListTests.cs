using OkrSync.Core.Reports;

namespace OkrSync.Core.Tests.Reports;

public sealed class SnapshotListTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomAddsSetsAndRemovesOverSeveralChunks_EverySnapshotKeepsWhatItSaw(int seed)
    {
        var random = new Random(seed);
        var list = new SnapshotList<string>();
        var reference = new List<string>();
        var snapshots = new List<(IReadOnlyList<string> Snapshot, string[] Expected)>();
        for (var step = 0; step < 30_000; step++)
        {
            var roll = random.Next(10);
            if (roll < 6 || reference.Count == 0)
            {
                var value = $"v{step}";
                Assert.Equal(reference.Count, list.Add(value));
                reference.Add(value);
            }
            else if (roll < 8)
            {
                var at = random.Next(reference.Count);
                list.Set(at, $"s{step}");
                reference[at] = $"s{step}";
            }
            else
            {
                // Removing moves the last element into the hole.
                var at = random.Next(reference.Count);
                var moved = list.RemoveAt(at);
                var last = reference.Count - 1;
                Assert.Equal(at == last ? null : reference[last], moved);
                reference[at] = reference[last];
                reference.RemoveAt(last);
            }
            if (step % 997 == 0)
            {
                snapshots.Add((list.Snapshot(), [.. reference]));
            }
        }

        Assert.True(reference.Count > 2 * SnapshotList<string>.ChunkSize, $"the list spans several chunks ({reference.Count} elements)");
        Assert.Equal(reference, list.Snapshot());
        Assert.All(snapshots, s => Assert.Equal(s.Expected, s.Snapshot));
        Assert.All(snapshots, s => Assert.Equal(s.Expected.Length, s.Snapshot.Count));
    }

    [Fact]
    public void ConcatenatedLists_ReadAsOneInOrder()
    {
        var joined = new ConcatenatedList<int>([1, 2], [], [3], [4, 5, 6]);

        Assert.Equal([1, 2, 3, 4, 5, 6], joined);
        Assert.Equal(6, joined.Count);
        Assert.Equal(3, joined[2]);
        Assert.Equal(6, joined[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => joined[6]);
    }
}
