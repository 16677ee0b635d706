namespace OkrSync.Core.Strategy;

/// <summary>
/// OKR anti-patterns: legal files that will mislead. Each warning has a stable code (see <see cref="LintCodes"/>).
/// </summary>
public static class StrategyLinter
{
    public const int MaxBets = 5;
    public const int MaxKeyResultsPerBet = 5;

    public static IReadOnlyList<Diagnostic> Lint(StrategyDocument strategy, string file)
    {
        var bag = new DiagnosticBag(file);
        Lint(strategy, bag);
        return bag.Items;
    }

    internal static void Lint(StrategyDocument strategy, DiagnosticBag bag)
    {
        if (strategy.Bets.Count > MaxBets)
        {
            bag.Warning(LintCodes.TooManyBets, $"{strategy.Bets.Count} bets: more than {MaxBets} is a wish list, not a strategy", strategy.Bets[MaxBets].Location);
        }
        foreach (var bet in strategy.Bets)
        {
            if (bet.KeyResults.Count > MaxKeyResultsPerBet)
            {
                bag.Warning(LintCodes.TooManyKeyResults, $"bet '{bet.Id}' has {bet.KeyResults.Count} key results: more than {MaxKeyResultsPerBet} dilutes focus", bet.KeyResults[MaxKeyResultsPerBet].Location);
            }
            if (bet.NotDoing.Count == 0)
            {
                bag.Warning(LintCodes.BetWithoutNotDoing, $"bet '{bet.Id}' names no 'not-doing': a bet with no trade-offs is not a choice", bet.Location);
            }
            if (bet.Position.Count == 0)
            {
                bag.Warning(LintCodes.BetWithoutPosition, $"bet '{bet.Id}' names no 'position': nothing says what winning it looks like above its key results, so green key results under a bet that is not moving look like success", bet.Location);
            }
            foreach (var signal in bet.Position.Where(s => s.Metric.Baseline is null || s.Metric.Target is null))
            {
                var missing = signal.Metric.Baseline is null ? "baseline" : "target";
                bag.Warning(LintCodes.PositionWithoutMetric, $"position signal '{signal.Id}' has no {missing}: without both it cannot say whether bet '{bet.Id}' moved", signal.Location);
            }
            foreach (var keyResult in bet.KeyResults)
            {
                LintKeyResult(keyResult, strategy.Conventions, bag);
            }
        }
    }

    private static void LintKeyResult(KeyResult keyResult, Conventions conventions, DiagnosticBag bag)
    {
        if (keyResult.Metric is null)
        {
            bag.Warning(LintCodes.KeyResultWithoutMetric, $"key result '{keyResult.Id}' has no metric: without one it is an activity, not a result", keyResult.Location);
        }
        else if (keyResult.Metric.Baseline is null || keyResult.Metric.Target is null)
        {
            var missing = keyResult.Metric.Baseline is null ? "baseline" : "target";
            bag.Warning(LintCodes.KeyResultWithoutMetric, $"key result '{keyResult.Id}' has no {missing}: without both it is a KPI in disguise, not a result", keyResult.Location);
        }
        if (keyResult.Initiatives.Count == 0)
        {
            bag.Warning(LintCodes.KeyResultWithoutInitiatives, $"key result '{keyResult.Id}' has no initiatives: no work is planned to move it", keyResult.Location);
        }
        foreach (var initiative in keyResult.Initiatives.Where(i => i.Match.IsEmpty))
        {
            bag.Warning(LintCodes.InitiativeWithoutMatchRules, $"initiative '{initiative.Id}' has no match rules: only the label '{conventions.InitiativeLabelPrefix}{initiative.Id}' can reach it", initiative.Location);
        }
    }
}

/// <summary>Stable codes of lint warnings.</summary>
public static class LintCodes
{
    public const string TooManyBets = "too-many-bets";
    public const string TooManyKeyResults = "too-many-key-results";
    public const string KeyResultWithoutMetric = "kr-without-metric";
    public const string BetWithoutNotDoing = "bet-without-not-doing";
    public const string InitiativeWithoutMatchRules = "initiative-without-match-rules";
    public const string KeyResultWithoutInitiatives = "kr-without-initiatives";
    public const string BetWithoutPosition = "bet-without-position";
    public const string PositionWithoutMetric = "position-without-metric";
}
