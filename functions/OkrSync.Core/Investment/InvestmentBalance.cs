namespace OkrSync.Core.Investment;

/// <summary>The unit effort is weighed in: story points when every item counted has them, else items (each weighs 1).</summary>
public static class EffortUnits
{
    public const string Points = "points";
    public const string Items = "items";
}

/// <summary>
/// Where delivery went over a trailing window (<see cref="From"/>, <see cref="To"/>]: the weight of the work done in
/// the window or in progress at its end, per bet (in strategy order), operational, orphaned and contradicting, in
/// <see cref="Unit"/>. Shares are weight over <see cref="Total"/>, and null when nothing was worked.
/// </summary>
public sealed record InvestmentBalance(
    int WindowDays,
    DateTimeOffset From,
    DateTimeOffset To,
    string Unit,
    int Items,
    int Estimated,
    InvestmentSlice Overall,
    IReadOnlyList<InvestmentSlice> ByContainer,
    IReadOnlyList<InvestmentSlice> ByAssignee)
{
    /// <summary>The weight of everything counted, in <see cref="Unit"/>.</summary>
    public double Total => Overall.Total;
}

/// <summary>
/// The weights of one part of the work (everything, one repository or Jira project, or one assignee): per bet, in
/// strategy order, then operational, orphaned and contradicting. <see cref="Name"/> is null for everything, and for
/// unassigned work in a per-assignee breakdown.
/// </summary>
public sealed record InvestmentSlice(string? Name, IReadOnlyList<double> Bets, double Operational, double Orphaned, double Contradicting)
{
    public double Total => Bets.Sum() + Operational + Orphaned + Contradicting;

    /// <summary><paramref name="weight"/> as a share of this slice, in [0, 1]; null when the slice is empty.</summary>
    public double? Share(double weight)
    {
        var total = Total;
        return total > 0 ? weight / total : null;
    }
}
