using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Core.Tests.Reports;

public sealed class StrategyFindingsTests
{
    private static FindingJson Finding(string kind, string subject) => new(kind, subject, $"{kind} on {subject}", null, null);

    [Fact]
    public void PartsSaidToBeAboutItems_AreNotRead()
    {
        // A part that would throw if read: the parts about items must be passed by.
        var joined = new ConcatenatedList<FindingJson>([Finding(FindingKinds.OrphanedWork, "ONB-1")], new Unreadable(), [Finding(FindingKinds.OutputsWithoutOutcome, "ttv")])
        {
            AboutItems = new HashSet<int> { 1 },
        };

        var any = StrategyFindings.Any(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome);
        var mapped = (ConcatenatedList<FindingJson>)StrategyFindings.Select(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome ? f with { Message = "annotated" } : f);

        Assert.True(any);
        Assert.Same(joined.Parts[1], mapped.Parts[1]);
        Assert.Equal("annotated", mapped.Parts[2][0].Message);
        Assert.Same(joined.Parts[0][0], mapped.Parts[0][0]);
        Assert.Equal(joined.AboutItems, mapped.AboutItems);
    }

    [Fact]
    public void AFindingOnlyInAPartAboutItems_IsNotFound()
    {
        var joined = new ConcatenatedList<FindingJson>([Finding(FindingKinds.OutputsWithoutOutcome, "ttv")], [])
        {
            AboutItems = new HashSet<int> { 0 },
        };

        Assert.False(StrategyFindings.Any(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome));
    }

    [Fact]
    public void AListMadeOtherwise_IsReadWhole()
    {
        IReadOnlyList<FindingJson> plain = [Finding(FindingKinds.OrphanedWork, "ONB-1"), Finding(FindingKinds.OutputsWithoutOutcome, "ttv")];

        var mapped = StrategyFindings.Select(plain, f => f with { Message = "m" });

        Assert.True(StrategyFindings.Any(plain, f => f.Kind == FindingKinds.OutputsWithoutOutcome));
        Assert.All(mapped, f => Assert.Equal("m", f.Message));
        Assert.Equal(plain.Select(f => f.Subject), mapped.Select(f => f.Subject));
    }

    private sealed class Unreadable : IReadOnlyList<FindingJson>
    {
        public FindingJson this[int index] => throw new InvalidOperationException("a part about items was read");

        public int Count => 1;

        public IEnumerator<FindingJson> GetEnumerator() => throw new InvalidOperationException("a part about items was read");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
