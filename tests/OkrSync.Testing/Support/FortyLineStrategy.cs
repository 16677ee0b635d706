namespace OkrSync.Functions.Tests.Support;

/// <summary>
/// A valid 40-line strategy, and the same file with one title turned into an unclosed flow sequence
/// (<c>title: [unclosed</c>) at line 20: YamlDotNet's scanner throws InvalidOperationException on it, not a YamlException.
/// </summary>
internal static class FortyLineStrategy
{
    public const int UnclosedLine = 20;

    /// <summary>The column of the <c>[</c> on <see cref="UnclosedLine"/>.</summary>
    public const int UnclosedColumn = 20;

    public const string Valid = """
        name: Acme fail-closed test strategy
        operational:
          labels: [bug, ktlo]
        bets:
          - id: self-serve
            title: Win the mid-market with self-serve onboarding
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
                    match: { labels: [onboarding], parents: [ONB-1] }
                  - id: setup-wizard
                    title: Guided setup wizard
                    match: { labels: [wizard] }
              - id: time-to-value
                title: Time to first dashboard from 72h to 24h
                metric: { unit: h, baseline: 72, target: 24, current: 60 }
                initiatives:
                  - id: templates
                    title: Dashboard templates gallery
                    match: { labels: [templates] }
          - id: expansion
            title: Grow revenue from existing accounts
            not-doing:
              - id: on-prem
                title: An on-prem edition
                labels: [on-prem]
            key-results:
              - id: net-retention
                title: Net revenue retention from 98% to 110%
                metric: { unit: "%", baseline: 98, target: 110, current: 101 }
                initiatives:
                  - { id: seat-upsell, title: Seat-based upsell prompts, match: { labels: [upsell] } }

        """;

    public static string WithUnclosedTitle { get; } = Valid.Replace("title: Guided setup wizard", "title: [unclosed", StringComparison.Ordinal);
}
