using OkrSync.Core.Strategy;

namespace OkrSync.Core.Tests.Metrics;

public sealed class MetricSourceParsingTests
{
    private static StrategyLoadResult Load(string source) => StrategyLoader.Load($$"""
        name: Sources
        bets:
          - id: grow
            title: Grow
            key-results:
              - id: nps
                title: NPS
                metric:
                  baseline: 30
                  target: 50
                  source: {{source}}
        """, "strategy.yaml");

    [Fact]
    public void HttpSource_WithPointerAndSecret_IsParsed()
    {
        var result = Load("{ http: \"https://metrics.example/nps\", pointer: /data/value, header-secret: Metrics:NpsToken }");

        var source = result.Strategy!.KeyResults.Single().Metric!.Source!;
        Assert.Equal((MetricSourceKind.Http, "https://metrics.example/nps", "/data/value", "Metrics:NpsToken", "Authorization"), (source.Kind, source.Location, source.Pointer, source.HeaderSecret, source.Header));
        Assert.Equal("http https://metrics.example/nps#/data/value", source.Name);
    }

    [Fact]
    public void CsvSource_WithColumn_IsParsed()
    {
        var source = Load("{ file: data/nps.csv, column: nps }").Strategy!.KeyResults.Single().Metric!.Source!;

        Assert.Equal((MetricSourceKind.File, true, "nps"), (source.Kind, source.IsCsv, source.Column));
    }

    [Theory]
    [InlineData("{ file: data/nps.csv }", "name the 'column'")]
    [InlineData("{ http: \"https://m.example/x\" }", "give the 'pointer'")]
    [InlineData("{ http: \"ftp://m.example/x\", pointer: /v }", "absolute http or https URL")]
    [InlineData("{ file: x.json, pointer: /v, header-secret: S }", "applies to 'http' sources only")]
    [InlineData("{ http: \"https://m.example/x\", pointer: data/value }", "starting with '/'")]
    [InlineData("{ http: \"https://m.example/x\", file: y.json, pointer: /v }", "exactly one of 'http'")]
    [InlineData("{ http: \"https://m.example/x\", pointer: /v, header-secret: \"Bearer abc123\" }", "never in the file")]
    public void BadSource_IsALocatedError(string source, string expected)
    {
        var result = Load(source);

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line >= 9);
    }
}
