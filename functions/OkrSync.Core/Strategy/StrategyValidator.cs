namespace OkrSync.Core.Strategy;

/// <summary>Cross-cutting checks that need the whole document: ids are unique across bets, not-doings, position signals, KRs and initiatives.</summary>
internal static class StrategyValidator
{
    public static void Validate(StrategyDocument strategy, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, (string Kind, SourceLocation At)>(StringComparer.OrdinalIgnoreCase);
        void Check(string id, string kind, SourceLocation at)
        {
            if (id.Length == 0)
            {
                return;
            }
            if (seen.TryGetValue(id, out var first))
            {
                diagnostics.Error("duplicate-id", $"id '{id}' ({kind}) is already used by a {first.Kind} at line {first.At.Line}; ids must be unique in the file", at);
            }
            else
            {
                seen[id] = (kind, at);
            }
        }

        foreach (var bet in strategy.Bets)
        {
            Check(bet.Id, "bet", bet.Location);
            foreach (var notDoing in bet.NotDoing)
            {
                Check(notDoing.Id, "not-doing entry", notDoing.Location);
            }
            foreach (var signal in bet.Position)
            {
                Check(signal.Id, "position signal", signal.Location);
            }
            foreach (var keyResult in bet.KeyResults)
            {
                Check(keyResult.Id, "key result", keyResult.Location);
                foreach (var initiative in keyResult.Initiatives)
                {
                    Check(initiative.Id, "initiative", initiative.Location);
                }
            }
        }
    }
}
