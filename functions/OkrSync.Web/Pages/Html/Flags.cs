using OkrSync.Core.Findings;

namespace OkrSync.Web.Pages.Html;

/// <summary>How a flag on a node reads: a short badge text and its longer meaning (the tooltip).</summary>
internal static class Flags
{
    public static (string Badge, string Meaning) Describe(string kind) => kind switch
    {
        FindingKinds.OutputsWithoutOutcome => ("Done but flat", "Its work is (nearly) done, but the outcome has not moved."),
        FindingKinds.UnbackedKeyResult => ("Unbacked", "No open or done work behind this key result."),
        FindingKinds.IdleBet => ("Idle", "No open work under this bet."),
        FindingKinds.StaleInitiative => ("Stale", "Not done, and no activity for the stale period."),
        FindingKinds.GreenKeyResultsFlatPosition => ("Position flat", "Its key results are green, but the bet's position has barely moved: the key results may measure the wrong thing."),
        FindingKinds.AllocationDrift => ("Allocation drift", "The actual share of effort is off the declared share by more than the allowed drift."),
        FindingKinds.OutcomeUnmeasured => ("Unmeasured", "The metric's latest value is older than the metric-stale-days limit."),
        _ => (FindingKinds.Describe(kind).Title, FindingKinds.Describe(kind).Title),
    };

    public static void Badges(HtmlText html, IReadOnlyList<string> flags)
    {
        foreach (var flag in flags)
        {
            var (badge, meaning) = Describe(flag);
            html.Raw("<span").Attr("class", "flag flag-" + flag).Attr("title", meaning).Attr("data-flag", flag).Raw(">")
                .Raw("<span aria-hidden=\"true\">⚑ </span>").Text(badge).Raw("<span class=\"visually-hidden\">: ").Text(meaning).Raw("</span></span>");
        }
    }
}
