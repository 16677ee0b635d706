using System.Globalization;

namespace OkrSync.Core.Digest;

/// <summary>The wording both renderers share: numbers, changes, ages and section titles.</summary>
public static class DigestFormat
{
    public const string OrphansTitle = "Orphaned work";
    public const string OrphansHint = "Open work that serves no bet and is not declared operational.";
    public const string ContradictionsTitle = "Work that contradicts a \"not doing\"";
    public const string OutputsWithoutOutcomeTitle = "Key results: work done, outcome not moving";
    public const string UnmeasuredTitle = "Metrics nobody has measured lately";
    public const string FlaggedKeyResultsTitle = "Flagged key results, week by week";
    public const string NothingBehindTitle = "Bets and key results with no work behind them";
    public const string StaleInitiativesTitle = "Initiatives with no recent activity";
    public const string SyncProblemsTitle = "Sources whose data is in doubt";
    public const string PositionNotMovingTitle = "Bets: key results green, position not moving";
    public const string InvestmentTitle = "Investment";
    public const string AllocationDriftTitle = "Delivery off its declared share";

    /// <summary><c>Where delivery went over the 28 days to 2026-11-20 (310 points).</c></summary>
    public static string InvestmentHint(DigestInvestment investment)
    {
        ArgumentNullException.ThrowIfNull(investment);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Where delivery went over the {investment.WindowDays} days to {investment.To.UtcDateTime:yyyy-MM-dd} ({investment.Total:0.#} {investment.Unit}: work done in the window or in progress at its end).");
    }

    /// <summary><c>partners: 4% (declared 20%), 12 points</c>; <c>orphaned: 18%, 56 points</c>.</summary>
    public static string ShareLine(DigestShare share, string unit)
    {
        ArgumentNullException.ThrowIfNull(share);
        var actual = share.Actual is { } a ? Percent(a) : "n/a";
        var declared = share.Declared is { } d ? $" (declared {Percent(d)})" : "";
        var units = share.Weight == 1 && unit.EndsWith('s') ? unit[..^1] : unit;
        return string.Create(CultureInfo.InvariantCulture, $"{share.Name}: {actual}{declared}, {share.Weight:0.#} {units}");
    }

    public static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    public static string Count(int count, string singular, string plural) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    public static string Items(int count) => Count(count, "orphaned item", "orphaned items");

    /// <summary><c>▲3 since last week</c>, <c>▼2 since last week</c>, <c>no change since last week</c>; null in the first week.</summary>
    public static string? Change(WeekChange? change) => change switch
    {
        null => null,
        { OrphanedDelta: > 0 } c => string.Create(CultureInfo.InvariantCulture, $"▲{c.OrphanedDelta} since last week"),
        { OrphanedDelta: < 0 } c => string.Create(CultureInfo.InvariantCulture, $"▼{-c.OrphanedDelta} since last week"),
        _ => "no change since last week",
    };

    /// <summary>Whether the week got better or worse, in words.</summary>
    public static string Verdict(WeekChange? change) => change switch
    {
        null => "No earlier week to compare with yet.",
        { OrphanedDelta: > 0 } => "Worse than last week.",
        { OrphanedDelta: < 0 } => "Better than last week.",
        { RatePointsDelta: > 0 } => "Same count, but a larger share of the work.",
        { RatePointsDelta: < 0 } => "Same count, but a smaller share of the work.",
        _ => "The same as last week.",
    };

    /// <summary><c>+2.1 pts</c>, <c>-0.5 pts</c>, <c>±0 pts</c>.</summary>
    public static string Points(double points) => points switch
    {
        > 0 => string.Create(CultureInfo.InvariantCulture, $"+{points:0.#} pts"),
        < 0 => string.Create(CultureInfo.InvariantCulture, $"{points:0.#} pts"),
        _ => "±0 pts",
    };

    public static string Age(int days) => days switch
    {
        0 => "opened today",
        1 => "1 day old",
        _ => string.Create(CultureInfo.InvariantCulture, $"{days} days old"),
    };

    public static string Assignee(string? assignee) => assignee ?? "Unassigned";

    /// <summary><c>W47</c> from <c>2026-W47</c>.</summary>
    public static string ShortWeek(string isoWeek) => isoWeek.Contains('-', StringComparison.Ordinal) ? isoWeek[(isoWeek.IndexOf('-', StringComparison.Ordinal) + 1)..] : isoWeek;

    /// <summary>The first line: the headline figures in one sentence.</summary>
    public static string Headline(DigestHeadline headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(headline.OpenOrphaned, "orphaned open item", "orphaned open items")}: {Percent(headline.OrphanRate)} of open non-operational work ({headline.OpenOrphaned} of {headline.OpenNonOperational}).");
    }

    /// <summary>An http(s) URL fit for a link, or null (tracker data is not trusted to be a safe link).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;
}
