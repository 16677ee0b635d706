namespace OkrSync.Functions.Tests.App.Support;

/// <summary>A small strategy: issues labelled <c>onboarding</c> serve initiative <c>onboarding-v2</c>; <c>bug</c> is operational.</summary>
internal static class AppStrategy
{
    public const string Initiative = "onboarding-v2";
    public const string Label = "onboarding";

    public const string Yaml = """
        name: Acme test strategy
        operational:
          labels: [bug]
        bets:
          - id: self-serve
            title: Win the mid-market with self-serve onboarding
            owner: vp-growth@acme.example
            not-doing:
              - id: dach-direct-sales
                title: Direct sales in DACH
                labels: [dach]
            key-results:
              - id: activation
                title: Self-serve activation from 22% to 40%
                metric: { unit: "%", baseline: 22, target: 40, current: 27 }
                initiatives:
                  - id: onboarding-v2
                    title: Onboarding v2
                    match:
                      labels: [onboarding]
                      parents: ["ONB-1"]
        """;
}
