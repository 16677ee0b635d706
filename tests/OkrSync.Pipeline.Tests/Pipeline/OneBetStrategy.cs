namespace OkrSync.Functions.Tests.Pipeline;

/// <summary>The pipeline tests' strategy: one bet with a "not doing" (label <c>on-prem</c>), one key result, one initiative (label <c>okr:kr-1</c>).</summary>
internal static class OneBetStrategy
{
    public static string Yaml(string name) =>
        $$"""
        name: {{name}}
        bets:
          - id: b1
            title: Bet one
            not-doing:
              - { id: nd1, title: On-prem edition, labels: [on-prem] }
            key-results:
              - id: kr-1
                title: KR one
                metric: { baseline: 0, target: 10, current: 1 }
                initiatives:
                  - { id: i1, title: Initiative one, match: { labels: ["okr:kr-1"] } }
        """;
}
