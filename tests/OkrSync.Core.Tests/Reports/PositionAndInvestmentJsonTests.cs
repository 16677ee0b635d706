using System.Text.Json;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Reports;

/// <summary>The JSON contract's new fields, by their names: <c>bets[].position[]</c>, <c>positionRatio</c>, <c>allocation</c>, <c>investment</c>.</summary>
public class PositionAndInvestmentJsonTests
{
    private static JsonElement Json(Report report) =>
        JsonDocument.Parse(JsonSerializer.Serialize(report.ToDocument(), ReportJsonContext.Default.ReportDocument)).RootElement;

    private static Report Sample()
    {
        var yaml = Some.StandardYaml
            .Replace("    title: Bet one\n", "    title: Bet one\n    allocation: 40%\n", StringComparison.Ordinal)
            .Replace("  issue-types: [Incident]\n", "  issue-types: [Incident]\n  allocation: 25%\n", StringComparison.Ordinal);
        WorkItem Done(string key, string[] labels, string assignee) =>
            Some.Item(key, StateCategory.Done, labels, assignee: assignee) with { Closed = Some.Now.AddDays(-2) };
        return Some.Report(yaml, Done("ONB-1", ["onboarding"], "ann"), Done("acme/web#1", ["perf"], "bob"), Done("acme/web#2", ["bug"], "bob"), Done("acme/web#3", [], "bob"));
    }

    [Fact]
    public void Bets_CarryPositionSignalsRatioAndAllocation()
    {
        var bet = Json(Sample()).GetProperty("bets")[0];

        var signal = bet.GetProperty("position")[0];
        Assert.Equal("p1", signal.GetProperty("id").GetString());
        Assert.Equal("Position one", signal.GetProperty("title").GetString());
        Assert.Equal("%", signal.GetProperty("metric").GetProperty("unit").GetString());
        Assert.Equal(10, signal.GetProperty("metric").GetProperty("baseline").GetDouble());
        Assert.Equal(20, signal.GetProperty("metric").GetProperty("target").GetDouble());
        Assert.Equal(15, signal.GetProperty("metric").GetProperty("current").GetDouble());
        Assert.Equal(0.5, signal.GetProperty("ratio").GetDouble());
        Assert.Equal(0.5, bet.GetProperty("positionRatio").GetDouble());
        var allocation = bet.GetProperty("allocation");
        Assert.Equal(0.4, allocation.GetProperty("declared").GetDouble());
        Assert.Equal(0.25, allocation.GetProperty("actual").GetDouble());
        Assert.Equal(1, allocation.GetProperty("weight").GetDouble());
    }

    [Fact]
    public void Investment_HasWindowUnitTotalSharesAndBreakdowns()
    {
        var investment = Json(Sample()).GetProperty("investment");

        Assert.Equal(28, investment.GetProperty("windowDays").GetInt32());
        Assert.Equal("items", investment.GetProperty("unit").GetString());
        Assert.Equal(4, investment.GetProperty("total").GetDouble());
        Assert.Equal(0.25, investment.GetProperty("bets").GetProperty("b2").GetProperty("actual").GetDouble());
        Assert.Equal(JsonValueKind.Null, investment.GetProperty("bets").GetProperty("b2").GetProperty("declared").ValueKind);
        Assert.Equal(0.25, investment.GetProperty("operational").GetProperty("declared").GetDouble());
        Assert.Equal(1, investment.GetProperty("orphaned").GetProperty("weight").GetDouble());
        Assert.Equal(0, investment.GetProperty("contradicting").GetProperty("weight").GetDouble());
        var web = investment.GetProperty("byContainer")[0];
        Assert.Equal(("acme/web", 3.0), (web.GetProperty("name").GetString(), web.GetProperty("total").GetDouble()));
        Assert.Equal(1.0 / 3, web.GetProperty("bets").GetProperty("b2").GetProperty("actual").GetDouble(), 3);
        Assert.Equal("bob", investment.GetProperty("byAssignee")[0].GetProperty("name").GetString());
        Assert.Equal(["windowDays", "from", "to", "unit", "total", "items", "estimated", "bets", "operational", "orphaned", "contradicting", "byContainer", "byAssignee"],
            investment.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Document_RoundTripsThroughTheContract()
    {
        var document = Sample().ToDocument();

        var json = JsonSerializer.Serialize(document, ReportJsonContext.Default.ReportDocument);
        var back = JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, ReportJsonContext.Default.ReportDocument));
        Assert.Equal(0.4, back.Bets[0].Allocation!.Declared);
        Assert.Equal("p1", back.Bets[0].Position[0].Id);
        Assert.Equal(4, back.Investment!.Total);
    }

    [Fact]
    public void ReportStoredBeforeTheFields_ReadsWithoutThem()
    {
        var json = """{"strategy":"x","asOf":"2026-11-22T00:00:00+00:00","summary":{"total":0},"bets":[{"id":"b","title":"B","output":{"planned":0,"done":0,"ratio":0},"outcome":{"ratio":null},"notDoing":[],"keyResults":[]}],"keyResults":[],"initiatives":[],"workItems":[],"findings":[]}""";

        var document = JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument)!;

        Assert.Null(document.Investment);
        Assert.Empty(document.Bets[0].Position);
        Assert.Null(document.Bets[0].Allocation);
    }
}
